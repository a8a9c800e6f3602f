# for / else, iteration over many iterables
for x in [1, 2, 3]:
    print(x, end=' ')
else:
    print('| else')
for x in range(10):
    if x == 2:
        break
else:
    print('unreachable')
print('x is', x)
def find(seq, target):
    for i, v in enumerate(seq):
        if v == target:
            return i
    else:
        return -1
print(find('hello', 'l'), find('hello', 'z'))
for ch in 'ab':
    for n in range(2):
        if n == 1:
            continue
        print(ch, n)
for k in {'b': 1, 'a': 2}:
    print(k)
for _ in []:
    print('never')
else:
    print('empty else')
for i in range(3):
    pass
print(i)
