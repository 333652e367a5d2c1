"""Map tests read geometry through a private cache folder, never the user's."""

import pytest


@pytest.fixture(autouse=True, scope="session")
def _private_geometry_cache(tmp_path_factory):
    mp = pytest.MonkeyPatch()
    mp.setenv("ROOTMAP_CACHE_DIR", str(tmp_path_factory.mktemp("map-cache")))
    yield
    mp.undo()
