# str.format
print('{} {}'.format('a', 'b'), '{1} {0}'.format('a', 'b'), '{x}-{y}'.format(x=1, y=2), '{0}{0}'.format('ab'))
print('{:>8}|{:<8}|{:^8}|'.format('r', 'l', 'c'), '{:*^9}'.format('mid'), '{:08.3f}'.format(3.14159))
print('{:d} {:5d} {:<5d}| {:+d} {:x} {:X} {:o} {:b} {:#x} {:#o} {:#b}'.format(42, 42, 42, 42, 255, 255, 8, 5, 255, 8, 5))
print('{:,} {:_} {:.2%} {:e} {:.3g} {:10.2f}|'.format(1234567, 1234567, 0.4567, 12345.678, 0.00012345, 2.5))
p = {'name': 'Ann', 'age': 30}
print('{name} is {age}'.format(**p), '{0[name]}'.format(p), '{0[1]}'.format([5, 6]))
class O:
    attr = 'A'
print('{0.attr} {o.attr}'.format(O(), o=O()), '{!r} {!s}'.format('x', 'y'), '{:>{w}}'.format('n', w=4))
print('{{}} {{{}}}'.format(7), format('s', '>3'), format(3.5, '<6'), '{:c}'.format(65), '{:=+6}'.format(-3))
try:
    '{} {}'.format(1)
except IndexError as e:
    print(type(e).__name__, e)
try:
    '{x}'.format(y=1)
except KeyError as e:
    print(type(e).__name__, e)
try:
    '{:d}'.format('s')
except ValueError as e:
    print(type(e).__name__, e)
print('{:s}'.format('str'), '{:10}|'.format('left'), '{:10}|'.format(12), '{:.3}'.format('abcdef'))
