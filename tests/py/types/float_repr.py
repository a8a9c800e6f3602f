# float repr is the shortest round-trip form
vals = [0.1, 0.2, 0.3, 0.1 + 0.2, 1 / 3, 2 / 3, 1e-7, 1e-4, 1e-5, 1e15, 1e16, 1e17, 123456789012345.6,
        1234567890123456.7, 5e-324, 1.7976931348623157e308, 2.5, 100.0, 1e100, 1.1e-10, 0.5, -1.5,
        3.141592653589793, 2.718281828459045, 9007199254740993.0, 1.0000000000000002, 4.35, 0.07]
for v in vals:
    print(repr(v), str(v), v == float(repr(v)))
print(float('inf'), -float('inf'), float('nan'), repr(float('-nan')))
print(-0.0, 0.0 == -0.0, str(-0.0), 1 / float('inf'))
print(round(2.675, 2), round(0.5), round(1.5), round(2.5), round(-0.5), round(3.14159, 3), round(1234.5, -2))
print(format(1.5, '.0f'), format(2.5, '.0f'), format(0.125, '.2f'), format(1e-10, 'f'), format(123.456, 'e'))
print(format(1234.5678, '.3g'), format(0.00001234, 'g'), format(1e20, 'g'), format(1.0, 'g'), format(100, '.2e'))
print('%.3f %e %g %5.1f|%-8.2f|' % (3.14159, 1234.5, 0.0001, 2.25, 1.5))
print(str(1e21), str(1e-5), 12.0, 1.0e2, float(12))
