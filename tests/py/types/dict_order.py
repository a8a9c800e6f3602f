# insertion order through deletes, re-inserts, resizes
d = {}
for i in range(20):
    d[f'k{i}'] = i
for i in range(0, 20, 3):
    del d[f'k{i}']
d['k0'] = 'back'
d['k5'] = 'updated in place'
print(list(d.items()))
big = {}
for i in range(1000):
    big[i * 7 % 1000] = i
for i in range(0, 1000, 2):
    del big[i]
print(len(big), list(big)[:10], list(big)[-5:])
for i in range(5000):
    big[i] = i
    del big[i]
print(len(big), list(big)[:3])
o = dict.fromkeys('zyxwv')
o.pop('x'); o['x'] = 1
print(list(o), {**o, 'a': 0} == dict(o, a=0))
