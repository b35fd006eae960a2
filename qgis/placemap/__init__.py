"""Placemap: the placemap tool's commands as QGIS Processing algorithms."""


def classFactory(iface):  # noqa: N802 (QGIS's name)
    from .plugin import PlacemapPlugin

    return PlacemapPlugin(iface)
