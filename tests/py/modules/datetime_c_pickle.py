# _datetime in C: pickles are python3.11's bytes for every protocol, and load back.
import copy
import pickle
from datetime import date, time, datetime as dt, timedelta as td, timezone, tzinfo

class Fixed(tzinfo):
    def __init__(self, minutes=0, name='F'):
        self.minutes, self.name = minutes, name
    def utcoffset(self, d): return td(minutes=self.minutes)
    def dst(self, d): return td(0)
    def tzname(self, d): return self.name
    def __repr__(self): return 'Fixed(%d, %r)' % (self.minutes, self.name)

class Sub(dt):
    pass

values = [
    td(0), td(1, 2, 3), td(-999999999), td.max, date(2020, 2, 29), date.min, date.max,
    time(), time(23, 59, 59, 999999), time(1, 2, 3, 4, fold=1), time(5, tzinfo=timezone.utc),
    dt(2021, 3, 4, 5, 6, 7, 890), dt(2021, 11, 7, 1, 30, fold=1), dt.max,
    dt(2000, 1, 1, tzinfo=timezone(td(hours=-5), 'EST')), dt(2000, 1, 1, tzinfo=Fixed(90, 'X')),
    timezone.utc, timezone(td(minutes=-90)), timezone(td(hours=3), 'three'), timezone.min,
    Fixed(), date(2021, 1, 1).isocalendar(), Sub(2001, 2, 3, 4, 5),
    [dt(1999, 1, 1), dt(1999, 1, 1), time(12), date(3, 4, 5)],
]
for v in values:
    for proto in range(6):
        data = pickle.dumps(v, proto)
        back = pickle.loads(data)
        same = back == v if not isinstance(v, tzinfo) or isinstance(v, timezone) else type(back) is type(v)
        print(proto, repr(v), data, same, type(back).__name__)
for v in values[:16]:
    print(repr(v.__reduce__()), repr(v.__reduce_ex__(2)), repr(v.__reduce_ex__(4)))
for proto in range(6):
    print(pickle.dumps(tzinfo(), proto), type(pickle.loads(pickle.dumps(tzinfo(), proto))).__name__)
print(copy.copy(values[12]), copy.deepcopy(values[15]), copy.deepcopy(values[9]).fold)

# states built by hand, as old pickles and Python 2 pickles carry them
print(repr(date(b'\x07\xd0\x01\x02')), repr(time(b'\x81\x02\x03\x00\x00\x04')),
      repr(dt(b'\x07\xd0\x81\x02\x03\x04\x05\x00\x00\x06', timezone.utc)), repr(date('\x07\xd0\x01\x02')))
for bad in [lambda: date('\u1234\x01\x01\x01'), lambda: time(b'\x01' * 6, 5), lambda: dt(b'\x07\xd0\x0d\x02' + b'\0' * 6)]:
    try:
        print(repr(bad()))
    except (TypeError, ValueError) as e:
        print(type(e).__name__, e)
