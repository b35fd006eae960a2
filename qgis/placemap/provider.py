"""The "Placemap" Processing provider: one algorithm per command of the placemap tool."""
import os
import shutil

from qgis.core import QgsMessageLog, QgsProcessingProvider, Qgis

from .algorithm import COMMANDS, PlacemapAlgorithm, ToolError, command_spec

SETTING = "PLACEMAP_BINARY"


def placemap_binary():
    """The placemap executable: the provider setting, $PLACEMAP_BINARY, or placemap on PATH."""
    value = None
    try:
        from processing.core.ProcessingConfig import ProcessingConfig

        value = ProcessingConfig.getSetting(SETTING)
    except Exception:  # the Processing plugin is not loaded (a script without it)
        value = None
    return value or os.environ.get(SETTING) or shutil.which("placemap")


class PlacemapProvider(QgsProcessingProvider):
    def __init__(self):
        super().__init__()
        self.problems = []

    def id(self):
        return "placemap"

    def name(self):
        return "Placemap"

    def longName(self):  # noqa: N802 (QGIS's name)
        return "Placemap (boundary and population analyses for England's NHS and councils)"

    def load(self):
        try:
            from processing.core.ProcessingConfig import ProcessingConfig, Setting

            ProcessingConfig.addSetting(
                Setting(self.name(), SETTING, "placemap executable (empty: found on PATH)", "", valuetype=Setting.FILE)
            )
            ProcessingConfig.readSettings()
        except Exception:  # without the Processing plugin: $PLACEMAP_BINARY or PATH
            pass
        self.refreshAlgorithms()
        return True

    def unload(self):
        try:
            from processing.core.ProcessingConfig import ProcessingConfig

            ProcessingConfig.removeSetting(SETTING)
        except Exception:
            pass

    def loadAlgorithms(self):  # noqa: N802 (QGIS's name)
        """Asks the tool for each command's options (`placemap CMD --experimental-dump-help`), so the
        algorithms have the tool's names and defaults and a command added later (scenario) appears
        once the installed tool has it."""
        self.problems = []
        binary = placemap_binary()
        if not binary:
            self.problems.append("placemap is not on PATH: set its path in Processing > Options > Providers > Placemap")
        for command in COMMANDS:
            if not binary:
                break
            try:
                spec = command_spec(binary, command)
            except ToolError as error:
                self.problems.append(f"{command}: {error}")
                continue
            self.addAlgorithm(PlacemapAlgorithm(command, spec))
        for problem in self.problems:
            QgsMessageLog.logMessage(problem, "Placemap", Qgis.Warning)
