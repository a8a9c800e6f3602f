# unicodedata: the properties of Unicode 14.0 (a sample of every range), names, lookup, errors
import unicodedata as u

def show(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__, e)

print(u.unidata_version, u.__name__)
print(sorted(n for n in dir(u) if n in ('bidirectional', 'category', 'combining', 'decimal', 'decomposition',
      'digit', 'east_asian_width', 'is_normalized', 'lookup', 'mirrored', 'name', 'normalize', 'numeric')))
rows = []
for cp in list(range(0, 0x3000, 7)) + list(range(0x3000, 0x110000, 211)) + [
        0x378, 0x1F600, 0x1F979, 0x1FAE8, 0x31350, 0xE0001, 0xF0000, 0x10FFFD, 0xD800, 0xDFFF, 0xAC00, 0xD7A3,
        0x4E00, 0x9FFF, 0x20000, 0x2A6DF, 0x3405, 0x4E07, 0x5146, 0x00BD, 0x2155, 0x1ED3D, 0x0F33, 0x2189]:
    c = chr(cp)
    rows.append('%X %s %d %s %s %d %r %r %r %r %r' % (cp, u.category(c), u.combining(c), u.bidirectional(c),
                u.east_asian_width(c), u.mirrored(c), u.decomposition(c), u.decimal(c, None),
                u.digit(c, None), u.numeric(c, None), u.name(c, None)))
print(len(rows))
for r in rows:
    print(r)
for name in ['LATIN SMALL LETTER A', 'latin small letter a', 'Latin Capital Letter A With Grave', 'BYTE ORDER MARK',
             'CJK UNIFIED IDEOGRAPH-4E00', 'HANGUL SYLLABLE GAG', 'LATIN CAPITAL LETTER A WITH MACRON AND GRAVE',
             'KEYCAP NUMBER SIGN', 'latin capital letter a with macron and grave', 'SNOWMAN', 'NO SUCH THING',
             'LINE FEED', 'LF', 'CJK UNIFIED IDEOGRAPH-31350', 'TOO' * 100]:
    show(lambda: u.lookup(name))
show(lambda: u.lookup(b'SNOWMAN'))
show(lambda: u.lookup(1))
show(lambda: u.name('\x00'))
show(lambda: u.name('\x00', 'none'))
show(lambda: u.name('ab'))
show(lambda: u.name(65))
show(lambda: u.category(''))
show(lambda: u.category('ab'))
show(lambda: u.bidirectional(None))
show(lambda: u.decimal('a'))
show(lambda: u.decimal('a', -1))
show(lambda: u.digit('x'))
show(lambda: u.digit('\u00b2'))
show(lambda: u.numeric('x'))
show(lambda: u.numeric('\u2155'))
show(lambda: u.decimal('\u0663'))
show(lambda: u.category())
show(lambda: u.name('a', 1, 2))
