# % formatting
print('%s %s' % ('a', 1), '%d%%' % 50, '%5s|%-5s|' % ('r', 'l'), '%r' % 'q', '%c%c' % (72, 'i'))
print('%d %i %x %X %o %e %E %f %g %G' % (42, -3, 255, 255, 8, 12.5, 0.00012, 1.5, 1e-7, 2e20))
print('%05d|%+d|% d|%-6d|%.2f|%8.3f|%-8.1f|%#x|%#o' % (42, 5, 5, 7, 3.14159, 2.5, 1.25, 255, 8))
print('%(name)s is %(age)d' % {'name': 'Bo', 'age': 7}, '%s' % [1, 2], '%s' % (1,), '%.3s' % 'abcdef', '%*d' % (5, 3))
print('%s' % None, '%d' % True, '%.1f' % 2, '%x' % 3.0 if False else 'skip', '%a' % 'é')
try:
    '%d' % 'x'
except TypeError as e:
    print(type(e).__name__, e)
try:
    '%s %s' % (1,)
except TypeError as e:
    print(type(e).__name__, e)
try:
    '%s' % (1, 2)
except TypeError as e:
    print(type(e).__name__, e)
print(b'%s-%d' % (b'x', 5))
