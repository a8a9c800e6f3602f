# `from pkg import sub` ignores only sub's own absence: a submodule that fails
# to import something reports that (CPython's _handle_fromlist).
for stmt in ['from _pkg_fromlist import broken', 'import _pkg_fromlist.rel',
             'from _pkg_fromlist import missing', 'from _pkg_fromlist import rel']:
    try:
        exec(stmt)
        print(stmt, 'ok')
    except ImportError as e:
        print(stmt, type(e).__name__, e.name, str(e).split(' (')[0])
