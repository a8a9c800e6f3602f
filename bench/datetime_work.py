# datetime arithmetic, formatting and parsing: what the C _datetime speeds up.
# DATETIME_PURE=1 blocks _datetime, so datetime.py's pure classes run instead.
import os
import sys
if os.environ.get('DATETIME_PURE'):
    sys.modules['_datetime'] = None
from datetime import date, datetime, timedelta, timezone

def work(n):
    tz = timezone(timedelta(hours=2))
    start = datetime(2000, 1, 1, tzinfo=tz)
    step = timedelta(hours=7, minutes=13, seconds=1, microseconds=17)
    total = timedelta(0)
    x = start
    text = 0
    for i in range(n):
        x = x + step
        total = (total + (x - start)) % timedelta(days=7)
        d = x.date()
        if d.weekday() == 6 and x > start:
            text += len(x.isoformat())
        if i % 16 == 0:
            y = datetime.fromisoformat(x.isoformat())
            text += y == x
            text += len(d.strftime('%Y-%m-%d')) + d.toordinal() % 7
    return x, total, text

print(work(100000))
