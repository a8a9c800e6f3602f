import random
r = random.Random(11)
vals = [0.1 + 0.2, 1e16, 1e-5, 123456789.123456789, 5e-324, 2.0 ** -1007, 2.0 ** -1020, 2.0 ** 1000, 1e300 * 10, 9007199254740993.0]
for i in range(60):
    vals.append(r.random() * 10 ** r.randint(-30, 30))
    vals.append(r.randint(1, 10 ** 6) / 10 ** r.randint(0, 8))
    vals.append(float.fromhex('0x1.%013xp%d' % (r.getrandbits(52), r.randint(-1074, 1023))))
    vals.append(r.getrandbits(r.randint(1, 8)) * 2.0 ** r.randint(-1100, 1000))
for v in vals:
    print(repr(v), str(-v), format(v, '.3g'), format(v, 'e'))
print(sorted(vals)[:5], round(sum(vals[:20]), 3))
