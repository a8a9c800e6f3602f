# int(str) and str(int), small and big.
t = 0
for i in range(400000):
    s = str(i * 7919)
    t += int(s) + len(s)
    t += int("  %d  " % i)
big = 3 ** 5000
for k in range(40):
    s = str(big + k)
    t += int(s) % 1000
print(t)
