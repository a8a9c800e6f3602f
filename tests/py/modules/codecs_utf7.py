# UTF-7 (_codecs.utf_7_encode/decode): shift sequences, surrogates, every error
# handler on malformed input, incremental decoding that stops inside a sequence.
import codecs
for b in [b'+A', b'+AB', b'a+2AE-b', b'+\xff', b'\x80', b'+AGE-', b'+2D3cAA-', b'+2D3cAA', b'a+2AE\xffb', b'+AGE\xff', b'+AGEA-', b'+A-', b'a+2D3cAA-b', b'+2D3-', b'+2D3cAAB-']:
    for err in ['strict','replace','ignore','surrogateescape','backslashreplace']:
        try: print(b, err, ascii(b.decode('utf-7', err)))
        except UnicodeDecodeError as e: print(b, err, e, e.encoding, e.start, e.end)
for b in [b'a+AGE', b'a+AGEA', b'a+AGE-b', b'+', b'+2D3', b'+2D3cAA', b'+2D3cAAB']:
    print(b, codecs.utf_7_decode(b, 'strict', False))
for s in ['a b\n!~+\\ \u20ac\U0001f600-x', '\ud800', '\ud800a', 'abc', '', '+', '\xe9-', '\xe9a', '\xe9.', 'a~b', '\U0010ffff']:
    print(ascii(s), s.encode('utf-7', 'surrogatepass'), codecs.utf_7_encode(s))
d = codecs.getincrementaldecoder('utf-7')()
out = ''
for ch in b'a+2D3cAA-b+AOk-':
    out += d.decode(bytes([ch]))
    print(ascii(out), end=' ')
print(ascii(out + d.decode(b'', True)))
