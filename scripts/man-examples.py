#!/usr/bin/env python3
"""Adds an EXAMPLES section to placemap's man pages from the README's examples.

    scripts/man-examples.py README.md MANDIR

Every line of a ```sh block in the README that runs placemap (`placemap …`, `$B …` or
`.build/release/placemap …`, with its `\\` continuation lines) is an example; the `#` comment lines just
above it describe it. Each goes to the page of its subcommand (placemap.overlap.1 for `placemap overlap`),
or to placemap.1; paths into the bundled geodata/ become /usr/share/placemap/geodata/, where the
package puts it. The pages are mdoc, as swift-argument-parser's generate-manual writes them.
"""
import os
import re
import sys

RUNS = re.compile(r"^(\$B|placemap|\.build/release/placemap)(\s|$)")


def examples(readme):
    """(subcommand or None, [comment lines], [command lines]) for every example, in README order."""
    found, block, comments = [], None, []
    lines = open(readme, encoding="utf-8").read().splitlines()
    i = 0
    while i < len(lines):
        line = lines[i]
        if line.startswith("```"):
            block = None if block is not None else line[3:].strip()
            comments = []
            i += 1
            continue
        if block == "sh":
            if line.startswith("#"):
                comments.append(line.lstrip("# ").rstrip())
            elif RUNS.match(line):
                command = [line]
                while command[-1].rstrip().endswith("\\") and i + 1 < len(lines):
                    i += 1
                    command.append(lines[i])
                command = [RUNS.sub(r"placemap\2", command[0], count=1)] + command[1:]
                command = [c.split("  #")[0].rstrip() if "  #" in c else c for c in command]
                command = [re.sub(r"(?<![\w/.])geodata/", "/usr/share/placemap/geodata/", c) for c in command]
                words = command[0].split()
                sub = words[1] if len(words) > 1 and not words[1].startswith("-") else None
                found.append((sub, comments, command))
                comments = []
            elif line.strip() == "" or not line.startswith(" "):
                comments = []
        i += 1
    return found


def escape(text):
    text = text.replace("\\", "\\e")
    return "\\&" + text if text.startswith((".", "'")) else text


def section(items):
    out = [".Sh EXAMPLES"]
    for _, comments, command in items:
        out += [escape(c) for c in comments]
        out += [".Bd -literal -offset indent"] + [escape(c) for c in command] + [".Ed"]
    return out


def main():
    readme, folder = sys.argv[1], sys.argv[2]
    by_page = {}
    for sub, comments, command in examples(readme):
        page = f"placemap.{sub}.1" if sub and os.path.exists(os.path.join(folder, f"placemap.{sub}.1")) else "placemap.1"
        by_page.setdefault(page, []).append((sub, comments, command))
    for page, items in sorted(by_page.items()):
        path = os.path.join(folder, page)
        lines = open(path, encoding="utf-8").read().splitlines()
        at = next((k for k, l in enumerate(lines) if l.startswith((".Sh SEE ALSO", ".Sh AUTHORS"))), len(lines))
        lines[at:at] = section(items)
        open(path, "w", encoding="utf-8").write("\n".join(lines) + "\n")
        print(f"{page}: {len(items)} example(s)", file=sys.stderr)


if __name__ == "__main__":
    main()
