# unicodedata.ucd_3_2_0 (the UCD object IDNA and stringprep read) and the
# idna codec built on it; codec names normalized as CPython's lookup does.
import codecs
import unicodedata
import stringprep

v = unicodedata.ucd_3_2_0
print(type(v).__name__, v.unidata_version, unicodedata.unidata_version, isinstance(v, unicodedata.UCD))
for ch in ['A', '\u0220', '\u0221', '\U0001f600', '\u20ac', '\u0378', '\u1e9b']:
    print(ascii(ch), v.category(ch), unicodedata.category(ch), repr(v.bidirectional(ch)),
          v.combining(ch), v.east_asian_width(ch), repr(v.decomposition(ch)), v.name(ch, None))
for c in [0xF951, 0x2F868, 0x2F9BF]:
    print(hex(c), ascii(v.normalize('NFC', chr(c))), ascii(unicodedata.normalize('NFC', chr(c))))
print(ascii(v.normalize('NFKC', '\u1e9b\u0323\U0001f600\u00e9')), v.is_normalized('NFD', 'e\u0301'))
try:
    v.lookup('GRINNING FACE')
except KeyError as e:
    print('KeyError', e)
print(ascii(v.lookup('LATIN SMALL LETTER A')))
try:
    v.name('\U0001f600')
except ValueError as e:
    print('ValueError', e)
print(stringprep.in_table_a1('\u0221'), stringprep.in_table_b1('\u00ad'), ascii(stringprep.map_table_b2('\u0041')))

for name in ['bücher.de', 'xn--bcher-kva.de', 'ÄÖÜ.example', 'Ⴀ.', 'www.python.org', '']:
    try:
        enc = name.encode('idna')
        print(ascii(name), enc, ascii(enc.decode('idna')))
    except UnicodeError as e:
        print(ascii(name), type(e).__name__, e)
print(codecs.lookup('UTF   8').name, codecs.lookup('Latin-1').name, codecs.lookup('utf_8').name)
try:
    codecs.lookup('utf.8')
except LookupError as e:
    print('LookupError', e)
