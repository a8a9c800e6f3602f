# Exceptions raised and caught in a loop (own class, KeyError from a dict).
class MyErr(Exception):
    pass
def f(i):
    if i % 3 == 0:
        raise MyErr(i)
    if i % 3 == 1:
        raise KeyError(i)
    return i
t = 0
for i in range(400000):
    try:
        t += f(i)
    except MyErr as e:
        t += 1
    except KeyError:
        t += 2
    try:
        {}[i]
    except KeyError:
        t += 1
print(t)
