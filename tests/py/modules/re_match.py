import re
pats = [
    (r'abc', 'xxabcxx'), (r'a.c', 'a\nc abc'), (r'(?s)a.c', 'a\nc'), (r'^ab', 'ab\nab'),
    (r'(?m)^ab$', 'x\nab\ny'), (r'ab$', 'ab\n'), (r'\Aab\Z', 'ab'), (r'\d+', 'ab 123 4'),
    (r'\D+', '12ab3'), (r'\s+', 'a \t\nb'), (r'\S+', '  xy '), (r'\w+', '  héllo_1 '),
    (r'\W+', 'ab, cd'), (r'[a-c]+', 'xxabcabd'), (r'[^a-c]+', 'abcxyz'), (r'[\d\s]+', 'a1 2 3b'),
    (r'a*', 'aaa'), (r'a*?', 'aaa'), (r'a+?', 'aaa'), (r'a{2}', 'aaaa'), (r'a{2,}', 'aaaa'),
    (r'a{,2}', 'aaaa'), (r'a{1,3}?', 'aaaa'), (r'(ab)+', 'ababab'), (r'(ab)+?', 'ababab'),
    (r'(a|ab)(c|bcd)(d*)', 'abcd'), (r'(a+)+b', 'aaab'), (r'(a*)+b', 'b'), (r'(a|b)*?c', 'abac'),
    (r'x(?=y)', 'xz xy'), (r'x(?!y)', 'xy xz'), (r'(?<=\d)x', 'ax 1x'), (r'(?<!\d)x', '1x ax'),
    (r'(\w)\1', 'abccd'), (r'(?P<q>[\'"]).*?(?P=q)', 'say "hi" now'), (r'(a)?(?(1)b|c)', 'c'),
    (r'(?i)hello', 'HeLLo'), (r'(?i)[a-z]+', 'ABCdef'), (r'(?i)[^a]+', 'AAbBa'),
    (r'(?x) a  b # comment', 'ab'), (r'\bis\b', 'this is it'), (r'\Bis\b', 'this is'),
    (r'(?a)\w+', 'héllo'), (r'[\u00e0-\u00ff]+', 'xàéîz'), (r'(?>ab|a)c', 'ac abc'),
    (r'(?:a|b)++c', 'ababc'), (r'a*+a', 'aaa'), (r'a?+b', 'ab'), (r'(?:ab){1,2}+c', 'abababc'),
    (r'.*foo', 'xfooyfoo'), (r'.*?foo', 'xfooyfoo'), (r'(a)|(b)', 'b'), (r'((a)|(b))+', 'ab'),
    (r'(?:(a)|b)*', 'ab'), (r'(a*)*', 'aa'), (r'(a*)+', 'aa'), (r'(a|)+', 'aa'), (r'()', ''),
    (r'', 'abc'), (r'$', 'abc'), (r'\n', 'a\nb'), (r'[\n]', 'a\nb'), (r'\x41', 'zA'),
    (r'[]a]+', 'a]a'), (r'[a\-z]+', '-az'), (r'\\', 'a\\b'), (r'(?s:.)+', 'a\nb'),
    (r'(?i:A)a', 'aa Aa aA'), (r'(?-i:a)A', 'aA'), (r'é', 'CAFÉ café'), (r'(?i)é', 'CAFÉ'),
    (r'(?i)ǅ', 'ǆ'), (r'(?i)ſ', 'S'), (r'(?i)k', '\u212a'), (r'(?i)[k]', '\u212a'),
    (r'(?i)\u03c3', '\u03a3\u03c2'), (r'[^\W\d]+', 'ab12cd'), (r'\d', '\u0663'), (r'(?a)\d', '\u0663'),
    (r'a|b|c|d', 'xxd'), (r'abc|abd|aef', 'aef'), (r'(?:x|y)*z', 'xyxyz'), (r'[ab]{3}', 'cabab'),
]
for p, s in pats:
    r = re.compile(p)
    m = r.search(s)
    print(repr(p), repr(s), m, m and m.groups(), m and m.lastindex, r.match(s), r.fullmatch(s))
    print('  ', r.findall(s), [x.span() for x in r.finditer(s)])
r = re.compile(r'(\w+) (\w+)')
print(r.match('hello world', 1), r.match('hello world', 0, 5), r.search('a b c', 2))
print(r.search('xx yy zz', pos=3, endpos=100), r.search('xx yy', -5, -1))
print(re.compile('^a').search('ba', 1), re.compile('a$').search('ab', 0, 1))
print(re.compile(r'\b').findall('a b'), re.compile(r'x*').findall('axbxx'))
