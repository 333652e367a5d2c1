"""How the desktop knows the window: its desktop-file id and its icon.

Docks, task switchers and Wayland compositors match a window to its ``.desktop``
entry by the desktop-file id (the Wayland ``app_id``) or, on X11, by ``WM_CLASS``,
whose class Qt takes from the application name (``StartupWMClass`` in the entry).
"""

from __future__ import annotations

from PySide6.QtGui import QGuiApplication, QIcon

from rootmap.resources import asset_path

APP_ID = "org.rootmap.RootMap"
"""The reverse-DNS id of the ``.desktop`` entry, the AppStream component and the icon."""

APP_NAME = "RootMap"
"""The application name; Qt uses it as the X11 ``WM_CLASS`` class."""


def apply_desktop_identity(app: QGuiApplication) -> None:
    """Name the application and give every window RootMap's icon."""
    app.setApplicationName(APP_NAME)
    app.setApplicationDisplayName(APP_NAME)
    QGuiApplication.setDesktopFileName(APP_ID)
    app.setWindowIcon(QIcon(str(asset_path("icons", f"{APP_ID}.svg"))))
