#!/usr/bin/env python3
"""Check gilpy's layering: runtime/ < interp/ < stdlib/.

    check_layers.py [BUILD_DIR]      (default: build)

A layer may use the layers below it, never those above: runtime/ (values, objects,
GC, GIL) knows nothing of interp/ (compiler, VM, import system) or stdlib/ (modules),
and interp/ knows nothing of stdlib/. Two checks:

- includes: every `#include` of every .c/.h file in runtime/ and interp/ is
  resolved as the compiler resolves it (the including file's directory, then the
  include path `.`, `interp`, `runtime`, `stdlib` of meson.build), so that
  "../interp/vm.h", "interp/vm.h" and a bare "vm.h" all count; a header of a
  higher layer is a violation. Headers found nowhere (config.h is generated, system
  headers) are skipped.
- links: `nm` on the objects of the static library gilpy_core in BUILD_DIR
  (libgilpy_core.a.p/*.o, which includes the generated stdlib/embedded_lib.c); an
  undefined symbol of an object that an object of a higher layer defines is a
  violation. This catches what the includes miss: a function declared by hand, or
  declared in a runtime header but implemented in interp/.

interp/main.c is the program's composition root (it is not in the library): it may
use everything and is not checked. Prints one line per violation and exits 1 if
there is any, 0 if none, 2 if BUILD_DIR has no gilpy_core objects.
"""
import pathlib
import re
import subprocess
import sys

ROOT = pathlib.Path(__file__).resolve().parent.parent
LAYERS = {'runtime': 0, 'interp': 1, 'stdlib': 2}
INCLUDE_PATH = ['.', 'interp', 'runtime', 'stdlib']      # meson.build's `inc`, in order
EXEMPT = {'interp/main.c'}
INCLUDE_RE = re.compile(r'^\s*#\s*include\s*([<"])([^>"]+)[>"]')


def layer_of(relpath: str):
    """The layer of a repository-relative path, or None outside the three layers."""
    return LAYERS.get(relpath.split('/', 1)[0])


def resolve(including: pathlib.Path, quote: str, name: str):
    """The repository-relative path the compiler would include, or None."""
    dirs = [including.parent] if quote == '"' else []
    dirs += [ROOT / d for d in INCLUDE_PATH]
    for d in dirs:
        p = (d / name).resolve()
        if p.is_file():
            try:
                return p.relative_to(ROOT).as_posix()
            except ValueError:
                return None
    return None


def include_violations() -> list[str]:
    out = []
    for top in ('runtime', 'interp'):
        for path in sorted((ROOT / top).glob('*.[ch]')):
            rel = path.relative_to(ROOT).as_posix()
            if rel in EXEMPT:
                continue
            for lineno, line in enumerate(path.read_text(errors='replace').splitlines(), 1):
                m = INCLUDE_RE.match(line)
                target = m and resolve(path, m.group(1), m.group(2))
                if target and (layer_of(target) or 0) > LAYERS[top]:
                    out.append(f'include: {rel}:{lineno}: includes {target}')
    return out


def object_source(obj: pathlib.Path) -> str:
    """runtime_obj_list.c.o -> runtime/obj_list.c; generated sources likewise."""
    name = obj.name.removesuffix('.o').removeprefix('meson-generated_')
    while name.startswith('.._'):
        name = name[3:]
    top, _, rest = name.partition('_')
    return f'{top}/{rest}'


def symbols(obj: pathlib.Path):
    """(defined, undefined) global symbol names of one object file."""
    res = subprocess.run(['nm', '-P', str(obj)], capture_output=True, text=True, check=True)
    defined, undefined = set(), set()
    for line in res.stdout.splitlines():
        parts = line.split()
        if len(parts) < 2:
            continue
        sym, kind = parts[0], parts[1]
        if kind in 'Uwv':
            undefined.add(sym)
        elif kind.isupper():
            defined.add(sym)
    return defined, undefined


def link_violations(objs: list[pathlib.Path]) -> list[str]:
    info = {object_source(o): symbols(o) for o in objs}
    definer = {}
    for src, (defined, _) in info.items():
        for sym in defined:
            definer.setdefault(sym, src)
    out = []
    for src, (_, undefined) in sorted(info.items()):
        if layer_of(src) is None or src in EXEMPT:
            continue
        by_target = {}
        for sym in undefined:
            target = definer.get(sym)
            if target and (layer_of(target) or 0) > layer_of(src):
                by_target.setdefault(target, []).append(sym)
        for target, syms in sorted(by_target.items()):
            out.append(f'link: {src} uses {", ".join(sorted(syms))} from {target}')
    return out


def main() -> int:
    if sys.argv[1:2] in (['-h'], ['--help']):
        print(__doc__.strip())
        return 0
    if len(sys.argv) > 2:
        print(__doc__.strip(), file=sys.stderr)
        return 2
    build = pathlib.Path(sys.argv[1] if len(sys.argv) > 1 else ROOT / 'build')
    objs = sorted((build / 'libgilpy_core.a.p').glob('*.o'))
    if not objs:
        print(f'check_layers.py: no objects in {build}/libgilpy_core.a.p: build it first',
              file=sys.stderr)
        return 2
    violations = include_violations() + link_violations(objs)
    for v in violations:
        print(v)
    if violations:
        print(f'check_layers.py: {len(violations)} layering violation(s) '
              '(runtime/ < interp/ < stdlib/; see docs/INTERNALS.md, Layers)', file=sys.stderr)
        return 1
    print('check_layers.py: runtime/ < interp/ < stdlib/ holds (includes and links)')
    return 0


if __name__ == '__main__':
    sys.exit(main())
