d = {}
for i in range(1800000):
    d['k' + str(i % 5000)] = d.get('k' + str(i % 5000), 0) + i
total = 0
for k, v in d.items():
    total += v
for i in range(600000):
    d[i] = i
for i in range(0, 600000, 2):
    del d[i]
print(total, len(d), sum(1 for k in d if isinstance(k, int)))
