import re
print(re.sub(r'\d', '#', 'a1b22c333'), re.subn(r'\d', '#', 'a1b22c333'))
print(re.sub(r'\d', '#', 'a1b22c333', 2), re.sub(r'\d', '#', 'a1b22c333', count=1))
print(re.sub(r'(\w)(\d)', r'\2\1', 'a1 b2'), re.sub(r'(?P<w>\w)', r'<\g<w>>', 'ab'))
print(re.sub(r'x', r'\n\t\\', 'axb'), re.sub(r'x', '\\0', 'x'))
print(re.sub(r'(\w+)', lambda m: m.group(1).upper(), 'ab cd'))
print(re.sub(r'', '-', 'abc'), re.sub(r'x*', '-', 'abxd'), re.sub(r'\b', '|', 'ab cd'))
print(re.subn(r'(a)|b', r'[\1]', 'ab'), re.sub('a', '', 'banana'))
print(re.sub(rb'\d', b'#', b'a1b2'), re.sub(rb'(\d)', rb'<\1>', b'a1'), re.subn(b'x', b'y', bytearray(b'xx')))
print(re.sub(r'(?i)HELLO', 'bye', 'hello Hello'), re.sub('^', '> ', 'a\nb', flags=re.M))
print(re.split(r'\W+', 'Words, words, words.'), re.split(r'(\W+)', 'Words, words, words.'))
print(re.split(r'\W+', 'Words, words, words.', 1), re.split('[a-f]+', '0a3B9', flags=re.I))
print(re.split(r'x*', 'axbc'), re.split(r'(?:)', 'abc'), re.split(r'\b', 'a b'), re.split('(a)|b', 'cadbe'))
print(re.split(rb',', b'a,b,,c'), re.split(',', ''), re.split('x', 'axbxc', maxsplit=-1))
print(re.findall(r'(\w)=(\d)?', 'a=1 b= c=3'), re.findall(rb'\w+', b'ab cd'))
print(re.escape('a.b*c'), re.escape(b'a.b'), re.purge())
print(list(re.finditer(r'\w+', 'ab cd', )), list(re.compile(r'\w').finditer('abcd', 1, 3)))
print(re.compile(r'\w').findall('abcd', 1, 3), re.compile(r'\w').findall('abcd', endpos=2))
print(re.sub('a', lambda m: None if m.start() else 'X', 'aaa'))
def f(m):
    return m.group(0) * 2
print(re.sub(r'[aeiou]', f, 'education'), re.sub('(.)', r'\g<1>\g<1>', 'ab'))
for bad in [r'\3', r'\g<x>', r'\g<', '\\']:
    try:
        print(re.sub(r'(a)', bad, 'a'))
    except (re.error, IndexError) as e:
        print(type(e).__name__, e)
try:
    re.sub('a', 1, 'a')
except TypeError as e:
    print('TypeError', e)
try:
    re.sub('a', lambda m: 1, 'a')
except TypeError as e:
    print('TypeError', e)
print(re.compile(r'\d+').sub(lambda m: str(int(m.group()) * 2), 'a1 b22'))
print(hasattr(re, "template"))
