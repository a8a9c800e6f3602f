parts = []
for i in range(1000000):
    s = 'item%d' % i
    parts.append(s.upper().replace('ITEM', 'x')[::-1])
text = ','.join(parts)
words = text.split(',')
n = sum(1 for w in words if w.startswith('9'))
f = [f'{w}:{len(w)}' for w in words[:300000]]
print(len(text), n, f[-1], text.count('1'), text.find('99999'))
