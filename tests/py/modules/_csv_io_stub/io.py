# A stand-in for io.StringIO, which csv.py imports at the top, while gilpy has no _io:
# csv_lib.py puts this directory on the path (python3's own io is frozen and wins).
class StringIO:
    def __init__(self, s=''):
        self._s = s
        self._pos = 0
    def write(self, s):
        self._s += s
        return len(s)
    def getvalue(self):
        return self._s
    def read(self, n=-1):
        r = self._s[self._pos:] if n < 0 else self._s[self._pos:self._pos + n]
        self._pos += len(r)
        return r
    def __iter__(self):
        return iter(self._s[self._pos:].splitlines(True))
    def seek(self, n):
        self._pos = n
