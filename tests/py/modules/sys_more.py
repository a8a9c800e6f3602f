# sys: version_info, flags, struct sequences, hooks, limits, exc_info
import sys
vi = sys.version_info
print(vi[:2], vi >= (3, 8), vi < (4,), vi.major, vi.minor, vi.releaselevel, vi.serial, tuple(vi)[:2], isinstance(vi, tuple))
print(sys.version.startswith('3.11'), type(sys.hexversion).__name__, sys.hexversion >> 24)
print(sys.implementation.name in ('cpython', 'gilpy'), hasattr(sys.implementation, 'version'), hasattr(sys.implementation, 'cache_tag'))
print(sys.flags.optimize, sys.flags.verbose, sys.flags.inspect, len(sys.flags) > 10, type(sys.flags).__name__)
print(sys.float_info.max, sys.float_info.epsilon, sys.float_info.dig, sys.float_info.mant_dig, sys.float_info[0] == sys.float_info.max)
print(sys.int_info.bits_per_digit > 0, sys.hash_info.width, sys.hash_info.modulus, sys.maxunicode)
print(sys.getdefaultencoding(), sys.getfilesystemencoding(), isinstance(sys.executable, str), sys.executable != '')
print(sys.getrefcount(object()) >= 1, sys.getsizeof(1) > 0, sys.getsizeof([]) > 0, sys.getsizeof(1, 5) > 0)
print(sys.intern('hello') == 'hello', sys.intern('a' + 'bc') is sys.intern('abc'))
try:
    sys.intern(5)
except TypeError as e:
    print(type(e).__name__, e)
print(sys.exc_info(), sys.exception())
try:
    raise KeyError('k')
except KeyError:
    t, v, tb = sys.exc_info()
    print(t.__name__, repr(v), tb is not None, sys.exception() is v)
print(sys.exc_info())
old = sys.getrecursionlimit()
sys.setrecursionlimit(2000)
print(sys.getrecursionlimit())
sys.setrecursionlimit(old)
for bad in [0, -5]:
    try:
        sys.setrecursionlimit(bad)
    except ValueError as e:
        print(type(e).__name__, e)
try:
    sys.setrecursionlimit(1.5)
except TypeError as e:
    print(type(e).__name__, e)
print(sys.getswitchinterval())
sys.setswitchinterval(0.01)
print(sys.getswitchinterval())
try:
    sys.setswitchinterval(0)
except ValueError as e:
    print(type(e).__name__, e)
print(sys.get_int_max_str_digits())
sys.set_int_max_str_digits(1000)
print(sys.get_int_max_str_digits())
sys.set_int_max_str_digits(0)
try:
    sys.set_int_max_str_digits(5)
except ValueError as e:
    print(type(e).__name__, e)
try:
    sys.excepthook(1)
except TypeError as e:
    print(type(e).__name__, e)
sys.displayhook(None)
sys.displayhook([1, 'a'])
import builtins
print(builtins._, sys.__displayhook__ is sys.displayhook, sys.__excepthook__ is sys.excepthook)
print(sys.stdin is sys.__stdin__, sys.stdout is sys.__stdout__, sys.stderr is sys.__stderr__)
print(type(sys.warnoptions).__name__, type(sys._xoptions).__name__, type(sys.orig_argv).__name__)
print('sys' in sys.builtin_module_names, 'os' in sys.stdlib_module_names)
try:
    sys.exit(3)
except SystemExit as e:
    print(type(e).__name__, e.code, e.args)
try:
    sys.exit()
except SystemExit as e:
    print(type(e).__name__, e.code, e.args)
try:
    sys.exit('msg')
except SystemExit as e:
    print(type(e).__name__, e.code)
