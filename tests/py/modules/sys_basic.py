# sys
import sys
print(sys.argv, type(sys.argv).__name__, sys.argv[0])
print(sys.version_info[:2] >= (3, 0), sys.version_info.major, type(sys.version_info[0]).__name__, len(sys.version_info) == 5)
print(sys.maxsize, sys.maxsize == 2 ** 63 - 1, sys.byteorder, sys.platform, type(sys.path).__name__, isinstance(sys.path[0], str))
print('sys' in sys.modules, sys.modules['sys'] is sys, hasattr(sys.stdin, 'readline'), hasattr(sys.stdout, 'write'), hasattr(sys.stderr, 'flush'))
print(sys.getrecursionlimit() >= 1000, callable(sys.exit), hasattr(sys, 'implementation'))
sys.stdout.write('written\n')
print(sys.stdout.write('abc') if False else 'skip')
sys.stderr.write('err\n')
try:
    sys.setrecursionlimit(-5)
except ValueError as e:
    print(type(e).__name__, e)
