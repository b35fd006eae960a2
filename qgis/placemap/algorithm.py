"""One placemap command as a Processing algorithm, built from the tool's own description of it.

The parameters come from `placemap COMMAND --experimental-dump-help` (swift-argument-parser's
description of every argument: its name, value name, default, choices), so they carry the tool's names
(`places`, `places-code`, `tolerance`, positional `A`, `B`, `LAYER` as in the usage line) and defaults.
Layers are passed as their files when they are plain files; any other layer (memory, PostGIS, a
filtered or selected subset) is written to a temporary GeoPackage first.
"""
import glob
import json
import os
import queue
import subprocess
import tempfile
import threading
import time

from qgis.core import (
    QgsProcessing,
    QgsProcessingAlgorithm,
    QgsProcessingContext,
    QgsProcessingException,
    QgsProcessingFeatureSourceDefinition,
    QgsProcessingOutputMultipleLayers,
    QgsProcessingParameterBoolean,
    QgsProcessingParameterEnum,
    QgsProcessingParameterFeatureSource,
    QgsProcessingParameterField,
    QgsProcessingParameterFile,
    QgsProcessingParameterFileDestination,
    QgsProcessingParameterFolderDestination,
    QgsProcessingParameterNumber,
    QgsProcessingParameterString,
    QgsProcessingUtils,
    QgsProviderRegistry,
    QgsVectorFileWriter,
    QgsVectorLayer,
)

COMMANDS = ["coterminosity", "overlap", "lookup", "dissolve", "contiguity", "catchments", "diff", "scenario"]
# Not parameters: help and version; --quiet and --overwrite are decided here (outputs of a Processing
# run are replaced, as every Processing algorithm does).
HIDDEN = {"help", "version", "quiet", "overwrite", "experimental-dump-help", "generate-completion-script"}
# Positional arguments that are layers (the others, diff's OLD and NEW, may be a lookup CSV or a layer file).
LAYER_POSITIONALS = {"a", "b", "blocks", "layer", "places", "systems"}
# Layer options that also take a block lookup CSV, so are asked for as a file.
LAYER_OR_LOOKUP = {("diff", "places")}
NUMERIC_VALUE_NAMES = {"metres", "tolerance", "share", "min-share", "span-share", "sliver-share", "x", "number", "count"}
CSV_VALUE_NAMES = {"csv", "lookup.csv"}
LAYER_FILTER = "GeoPackage (*.gpkg);;GeoJSON (*.geojson);;FlatGeobuf (*.fgb)"
# The file outputs whose kind the option's name does not say.
FILE_FILTERS = {
    ("overlap", "output"): "CSV files (*.csv)",
    ("lookup", "output"): "CSV files (*.csv)",
    ("overlap", "pieces"): LAYER_FILTER,
    ("coterminosity", "map"): LAYER_FILTER,
    ("dissolve", "output"): LAYER_FILTER,
}
LAYER_EXTENSIONS = (".gpkg", ".geojson", ".fgb", ".shp")


class ToolError(Exception):
    """The placemap tool could not be run or refused a request."""


def command_spec(binary, command):
    """The tool's description of `command` (swift-argument-parser's ToolInfo JSON)."""
    try:
        done = subprocess.run(
            [binary, command, "--experimental-dump-help"], capture_output=True, text=True, timeout=60, check=False
        )
    except OSError as error:
        raise ToolError(f"cannot run {binary}: {error}") from error
    except subprocess.TimeoutExpired as error:
        raise ToolError(f"{binary} {command} --experimental-dump-help did not answer in 60 s") from error
    if done.returncode != 0:
        raise ToolError(f"not a command of {binary} ({done.stderr.strip().splitlines()[0] if done.stderr.strip() else done.returncode})")
    try:
        info = json.loads(done.stdout)["command"]
    except (ValueError, KeyError) as error:
        raise ToolError(f"{binary} {command}: unreadable description ({error})") from error
    if info.get("commandName") != command:
        raise ToolError(f"not a command of {binary}")
    return info


def parameter_name(argument):
    """The CLI's long name for options and flags; positional names in upper case, as in the usage line."""
    if argument["kind"] == "positional":
        return argument["valueName"].upper()
    return argument["preferredName"]["name"]


def is_number(text):
    try:
        float(text)
        return True
    except (TypeError, ValueError):
        return False


class PlacemapAlgorithm(QgsProcessingAlgorithm):
    def __init__(self, command, spec):
        super().__init__()
        self.command = command
        self.spec = spec
        self.arguments = [
            a
            for a in spec.get("arguments", [])
            if a.get("shouldDisplay", True)
            and not (a["kind"] != "positional" and a["preferredName"]["name"] in HIDDEN)
        ]
        self.kinds = {}

    def createInstance(self):  # noqa: N802 (QGIS's name)
        return PlacemapAlgorithm(self.command, self.spec)

    def name(self):
        return self.command

    def displayName(self):  # noqa: N802 (QGIS's name)
        return self.command

    def group(self):
        return "Placemap"

    def groupId(self):  # noqa: N802 (QGIS's name)
        return "placemap"

    def shortHelpString(self):  # noqa: N802 (QGIS's name)
        text = self.spec.get("abstract", "")
        if self.spec.get("discussion"):
            text += "\n\n" + self.spec["discussion"]
        return text + f"\n\nRuns `placemap {self.command}`; the parameters are its options (see `man placemap.{self.command}`)."

    # Parameters

    def initAlgorithm(self, config=None):  # noqa: N802 (QGIS's name)
        layers = {parameter_name(a).lower(): parameter_name(a) for a in self.arguments if self.is_layer(a)}
        positional_layers = [parameter_name(a) for a in self.arguments if a["kind"] == "positional" and self.is_layer(a)]
        for argument in self.arguments:
            parameter, kind = self.parameter(argument, layers, positional_layers)
            self.kinds[parameter.name()] = (kind, argument)
            self.addParameter(parameter)
        self.addOutput(QgsProcessingOutputMultipleLayers("LAYERS", "Layers written"))

    def is_layer(self, argument):
        if argument["kind"] == "positional":
            return argument["valueName"] in LAYER_POSITIONALS
        name = argument["preferredName"]["name"]
        return argument["kind"] == "option" and argument["valueName"] == "layer" and (self.command, name) not in LAYER_OR_LOOKUP

    def parameter(self, argument, layers, positional_layers):
        """The Processing parameter for one argument and how its value is passed."""
        name = parameter_name(argument)
        description = (argument.get("abstract") or name).strip().rstrip(".")
        optional = argument["isOptional"]
        default = argument.get("defaultValue")
        value_name = argument.get("valueName", "")
        if self.is_layer(argument):
            return QgsProcessingParameterFeatureSource(name, description, [QgsProcessing.TypeVectorAnyGeometry], optional=optional), "layer"
        if argument["kind"] == "positional" or value_name == "layer":
            return QgsProcessingParameterFile(name, description, optional=optional), "file"
        if argument["kind"] == "flag":
            return QgsProcessingParameterBoolean(name, description, defaultValue=False, optional=True), "flag"
        if argument.get("allValues"):
            values = argument["allValues"]
            p = QgsProcessingParameterEnum(
                name, description, options=values, allowMultiple=False,
                defaultValue=default if default in values else None, optional=True, usesStaticStrings=True,
            )
            return p, "choice"
        if value_name == "dir":
            return QgsProcessingParameterFolderDestination(name, description, optional=False), "folder"
        if value_name == "file" or name == "output":
            file_filter = FILE_FILTERS.get((self.command, name), "All files (*.*)")
            return QgsProcessingParameterFileDestination(name, description, file_filter, optional=optional and name != "output"), "output"
        if value_name in CSV_VALUE_NAMES:
            return QgsProcessingParameterFile(name, description, extension="csv", optional=optional), "file"
        if argument.get("isRepeating"):
            return QgsProcessingParameterString(name, description + " (several: separate with ;)", optional=True), "repeated"
        if value_name in NUMERIC_VALUE_NAMES or is_number(default):
            p = QgsProcessingParameterNumber(
                name, description, QgsProcessingParameterNumber.Double,
                defaultValue=float(default) if is_number(default) else None, optional=True,
            )
            return p, "number"
        if value_name == "field":
            parent = None
            for suffix in ("-code", "-name"):
                if name.endswith(suffix) and name[: -len(suffix)] in layers:
                    parent = layers[name[: -len(suffix)]]
            if parent is None and name in ("code", "name", "by") and len(positional_layers) == 1:
                parent = positional_layers[0]
            if parent is not None:
                return QgsProcessingParameterField(name, description, parentLayerParameterName=parent, optional=True), "field"
        return QgsProcessingParameterString(name, description, defaultValue=default, optional=optional), "text"

    # Running

    def processAlgorithm(self, parameters, context, feedback):  # noqa: N802 (QGIS's name)
        from .provider import placemap_binary

        binary = placemap_binary()
        if not binary:
            raise QgsProcessingException("placemap is not on PATH: set its path in Processing > Options > Providers > Placemap")
        work = tempfile.mkdtemp(prefix="placemap-", dir=QgsProcessingUtils.tempFolder())
        positionals, options, outputs = [], [], []
        for name, (kind, argument) in self.kinds.items():
            values = self.values(name, kind, parameters, context, feedback, work)
            if kind in ("folder", "output"):
                outputs += [(name, kind, v) for v in values]
            if argument["kind"] == "positional":
                positionals += values
            elif kind == "flag":
                options += [f"--{name}"] if values else []
            else:
                for value in values:
                    options += [f"--{name}", value]
        for name, kind, path in outputs:
            os.makedirs(path if kind == "folder" else os.path.dirname(path) or ".", exist_ok=True)
        has_overwrite = any(a["kind"] == "flag" and a["preferredName"]["name"] == "overwrite" for a in self.spec.get("arguments", []))
        command = [binary, self.command] + positionals + options + (["--overwrite"] if has_overwrite else [])
        feedback.pushCommandInfo(" ".join(quote(c) for c in command))
        status, errors = run(command, work, feedback)
        if status != 0:
            raise QgsProcessingException(f"placemap {self.command} failed (exit {status}): {errors}")
        results = {name: path for name, _, path in outputs}
        results["LAYERS"] = self.load_outputs(outputs, context, feedback)
        return results

    def values(self, name, kind, parameters, context, feedback, work):
        """The command-line values of one parameter ([] when it is not given)."""
        raw = parameters.get(name)
        if kind == "flag":
            return self.parameterAsBool(parameters, name, context)
        if raw is None or raw == "":
            return []
        if kind == "layer":
            return [self.layer_path(name, parameters, context, feedback, work)]
        if kind == "file":
            return [self.parameterAsFile(parameters, name, context)]
        if kind == "choice":
            value = self.parameterAsEnumString(parameters, name, context)
            return [value] if value else []
        if kind == "number":
            return [format(self.parameterAsDouble(parameters, name, context), "g")]
        if kind == "field":
            fields = self.parameterAsFields(parameters, name, context)
            return fields[:1]
        if kind == "folder":
            return [self.parameterAsFileOutput(parameters, name, context)]
        if kind == "output":
            value = self.parameterAsFileOutput(parameters, name, context)
            return [value] if value else []
        text = self.parameterAsString(parameters, name, context)
        if kind == "repeated":
            return [v.strip() for v in text.split(";") if v.strip()]
        return [text] if text else []

    def layer_path(self, name, parameters, context, feedback, work):
        """The layer's own file when it is one (`FILE` or `FILE:LAYER`), else a temporary GeoPackage of it."""
        definition = parameters.get(name)
        selected = isinstance(definition, QgsProcessingFeatureSourceDefinition) and definition.selectedFeaturesOnly
        layer = self.parameterAsVectorLayer(parameters, name, context)
        if layer is None:
            raise QgsProcessingException(f"{name}: not a vector layer ({definition})")
        if layer.providerType() == "ogr" and not layer.subsetString() and not selected:
            parts = QgsProviderRegistry.instance().decodeUri("ogr", layer.source())
            path = parts.get("path", "")
            if path and (os.path.exists(path) or path.startswith("/vsi")):
                layer_name = parts.get("layerName")
                many = len(layer_names(path)) > 1
                return f"{path}:{layer_name}" if layer_name and many else path
        target = os.path.join(work, f"{name.lower()}.gpkg")
        options = QgsVectorFileWriter.SaveVectorOptions()
        options.driverName = "GPKG"
        options.layerName = name.lower()
        options.onlySelectedFeatures = bool(selected)
        result = QgsVectorFileWriter.writeAsVectorFormatV3(layer, target, context.transformContext(), options)
        if result[0] != QgsVectorFileWriter.NoError:
            raise QgsProcessingException(f"{name}: cannot write {layer.name()} to a temporary GeoPackage: {result[1]}")
        feedback.pushInfo(f"{name}: {layer.name()} ({layer.providerType()}) written to {target}")
        return target

    def load_outputs(self, outputs, context, feedback):
        """Loads the layers written (GeoPackages with their default styles; other layer files when no
        GeoPackage of the same name was written) and CSV outputs given with -o, when the run ends."""
        paths = []
        for name, kind, path in outputs:
            if kind == "folder":
                files = sorted(glob.glob(os.path.join(path, "*")))
                stems = {os.path.splitext(f)[0] for f in files if f.endswith(".gpkg")}
                paths += [f for f in files if f.endswith(".gpkg") or (f.endswith(LAYER_EXTENSIONS) and os.path.splitext(f)[0] not in stems)]
            elif os.path.exists(path) and path.endswith(LAYER_EXTENSIONS + (".csv",)):
                paths.append(path)
        loaded = []
        for path in paths:
            sublayers = layer_names(path)
            for sub in sublayers or [None]:
                uri = f"{path}|layername={sub}" if sub and len(sublayers) > 1 else path
                title = os.path.splitext(os.path.basename(path))[0] + (f" {sub}" if sub and len(sublayers) > 1 else "")
                layer = QgsVectorLayer(uri, title, "ogr")
                if not layer.isValid():
                    feedback.reportError(f"cannot load {uri}")
                    continue
                context.temporaryLayerStore().addMapLayer(layer)
                context.addLayerToLoadOnCompletion(layer.id(), QgsProcessingContext.LayerDetails(title, context.project(), title))
                loaded.append(uri)
        return loaded


def layer_names(path):
    """The names of the vector layers of a file."""
    return [d.name() for d in QgsProviderRegistry.instance().querySublayers(path) if d.providerKey() == "ogr"]


def quote(text):
    return text if text and all(c.isalnum() or c in "-_./:=+," for c in text) else "'" + text.replace("'", "'\\''") + "'"


def run(command, folder, feedback):
    """Runs the tool, streaming its stdout and stderr to the Processing log line by line; stops it when
    the user cancels. Returns the exit status and the tool's error message."""
    try:
        process = subprocess.Popen(command, cwd=folder, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, bufsize=1)
    except OSError as error:
        raise QgsProcessingException(f"cannot run {command[0]}: {error}") from error
    lines = queue.Queue()

    def read(stream, kind):
        for line in stream:
            lines.put((kind, line.rstrip("\n")))
        lines.put((kind, None))

    readers = [threading.Thread(target=read, args=(process.stdout, "out"), daemon=True),
               threading.Thread(target=read, args=(process.stderr, "err"), daemon=True)]
    for reader in readers:
        reader.start()
    errors, open_streams = [], 2
    while open_streams:
        if feedback.isCanceled() and process.poll() is None:
            process.terminate()
        try:
            kind, line = lines.get(timeout=0.2)
        except queue.Empty:
            continue
        if line is None:
            open_streams -= 1
        elif kind == "err":
            if line.startswith("placemap: error:") or (errors and line.startswith("  ")):
                errors.append(line.replace("placemap: error: ", "", 1).strip())
                feedback.reportError(line)
            else:
                feedback.pushInfo(line)
        else:
            feedback.pushConsoleInfo(line)
    status = process.wait()
    process.stdout.close()
    process.stderr.close()
    if feedback.isCanceled():
        raise QgsProcessingException("cancelled")
    return status, "\n".join(errors) or f"no message (exit {status})"
