import sys
print(sys.implementation.name == 'gilpy' or sys.implementation.name == 'cpython')
print(sys.version_info[:2], sys.version_info.major, sys.version_info.minor, sys.version_info >= (3, 8))
print(type(sys.version_info).__name__, len(sys.version_info), tuple(sys.version_info)[:2])
print(sys.maxsize, sys.maxsize == 2**63 - 1, sys.byteorder, sys.platform)
print(type(sys.argv), len(sys.argv), sys.argv[0].endswith('m_sys_info.py'))
print(isinstance(sys.path, list), all(isinstance(p, str) for p in sys.path))
print('sys' in sys.modules, '__main__' in sys.modules, sys.modules['__main__'].__name__)
print(sys.modules['sys'] is sys, type(sys.modules).__name__)
old = sys.getrecursionlimit()
print(old)
sys.setrecursionlimit(2000)
print(sys.getrecursionlimit())
sys.setrecursionlimit(old)
def f(n): return f(n + 1)
try:
    f(0)
except RecursionError as e:
    print('RecursionError', e)
for bad in [0, -5]:
    try:
        sys.setrecursionlimit(bad)
    except ValueError as e:
        print('ValueError', e)
try:
    sys.setrecursionlimit('x')
except TypeError as e:
    print('TypeError', e)
print(sys.stdout.write('abc\n'))
sys.stdout.write('no newline')
sys.stdout.write('\n')
print(sys.stdin.read() == '', sys.stdin.readline() == '')
print(sys.stdout.name if hasattr(sys.stdout, 'name') else '<stdout>', sys.stderr.name, sys.stdin.name)
print(sys.float_info.max, sys.float_info.epsilon, sys.float_info.dig)
print(sys.int_info.bits_per_digit > 0 if hasattr(sys, 'int_info') else True)
print(sys.exc_info())
try:
    raise KeyError('k')
except KeyError:
    t, v, tb = sys.exc_info()
    print(t, repr(v), tb is not None)
print(callable(sys.exit), sys.getdefaultencoding())
print(sys.flags.optimize if hasattr(sys, 'flags') else 0)
print(sys.__name__, sys.stdout.isatty())
try:
    sys.exit()
except SystemExit as e:
    print('exit', e.code, e.args)
try:
    sys.exit(3)
except SystemExit as e:
    print('exit', e.code)
try:
    sys.exit('bye')
except SystemExit as e:
    print('exit', repr(e.code))
try:
    sys.exit(None)
except SystemExit as e:
    print('exit', e.code)
