# Sorting with key functions, of tuples, of floats reversed.
import random
random.seed(5)
data = [(random.random(), random.randint(0, 1000), "k%d" % random.randint(0, 99999)) for i in range(100000)]
t = 0
for k in range(5):
    a = sorted(data, key=lambda x: x[1])
    b = sorted(data, key=lambda x: x[2])
    c = sorted(data)
    d = sorted([x[0] for x in data], reverse=True)
    t += a[0][1] + len(b[0][2]) + int(c[0][0] * 100) + int(d[0] * 100)
print(t)
