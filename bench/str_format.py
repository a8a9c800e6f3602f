# str % formatting, f-strings with format specs, str.format.
t = 0
for i in range(300000):
    s = "%d:%s:%5.2f" % (i, "ab", i / 7)
    u = f"{i}-{i*2:>8}-{i/3:.3f}-{'x'}"
    v = "{}/{}".format(i, i + 1)
    t += len(s) + len(u) + len(v)
print(t)
