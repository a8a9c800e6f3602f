"""Functional tools for creating and using iterators (gilpy).

Design: count, repeat, cycle and chain are iterator classes (count and
repeat have CPython's reprs, chain has chain.from_iterable).  The others
are functions that check and convert their arguments at once - as
CPython's constructors do, so errors are raised at the call, not at the
first next() - and then return a generator doing the work.  The orders in
which product, permutations and combinations produce their tuples are
CPython's (lexicographic by input position).
"""

__all__ = ['count', 'cycle', 'repeat', 'accumulate', 'chain', 'compress',
           'dropwhile', 'filterfalse', 'groupby', 'islice', 'pairwise',
           'starmap', 'takewhile', 'tee', 'zip_longest', 'product',
           'permutations', 'combinations', 'combinations_with_replacement']

_MAXSIZE = (1 << 63) - 1


# ---- infinite iterators -------------------------------------------------

class count:
    """Return a count object whose .__next__() method returns consecutive values."""

    def __init__(self, start=0, step=1):
        for v in (start, step):
            if not hasattr(type(v), '__add__') or isinstance(v, (str, bytes)):
                raise TypeError('a number is required')
        self._next = start
        self._step = step

    def __iter__(self):
        return self

    def __next__(self):
        value = self._next
        self._next = value + self._step
        return value

    def __repr__(self):
        step = self._step
        if type(step) is int and step == 1:
            return '%s(%r)' % (type(self).__name__, self._next)
        return '%s(%r, %r)' % (type(self).__name__, self._next, step)

    def __reduce__(self):
        return type(self), (self._next, self._step)


class cycle:
    """Return elements from the iterable until it is exhausted. Then repeat
    the sequence indefinitely."""

    def __init__(self, iterable):
        self._it = iter(iterable)
        self._saved = []
        self._index = -1     # -1 while the first pass is still running

    def __iter__(self):
        return self

    def __next__(self):
        if self._index < 0:
            it = self._it
            if it is not None:
                for item in it:
                    self._saved.append(item)
                    return item
                self._it = None
            if not self._saved:
                raise StopIteration
            self._index = 0
        item = self._saved[self._index]
        self._index = (self._index + 1) % len(self._saved)
        return item


_NO_ARG = object()


def _repeat_args(object=_NO_ARG, times=None):
    if object is _NO_ARG:
        raise TypeError("repeat() missing required argument 'object' (pos 1)")
    return object, times


class repeat:
    """repeat(object [,times]) -> create an iterator which returns the object
    for the specified number of times.  If not specified, returns the object
    endlessly."""

    def __init__(self, *args, **kwargs):
        object, times = _repeat_args(*args, **kwargs)
        self._object = object
        if times is not None:
            if not isinstance(times, int):
                if not hasattr(type(times), '__index__'):
                    raise TypeError("'%s' object cannot be interpreted as an integer"
                                    % type(times).__name__)
                times = type(times).__index__(times)
            if not -_MAXSIZE - 1 <= times <= _MAXSIZE:     # a C Py_ssize_t
                raise OverflowError("Python int too large to convert to C ssize_t")
            if times < 0:
                times = 0
        self._times = times

    def __iter__(self):
        return self

    def __next__(self):
        if self._times is None:
            return self._object
        if self._times <= 0:
            raise StopIteration
        self._times -= 1
        return self._object

    def __length_hint__(self):
        if self._times is None:
            raise TypeError('len() of unsized object')
        return self._times

    def __repr__(self):
        if self._times is None:
            return '%s(%r)' % (type(self).__name__, self._object)
        return '%s(%r, %d)' % (type(self).__name__, self._object, self._times)

    def __reduce__(self):
        if self._times is None:
            return type(self), (self._object,)
        return type(self), (self._object, self._times)


# ---- chain --------------------------------------------------------------

class chain:
    """chain(*iterables) --> chain object"""

    def __init__(self, *iterables):
        self._source = iter(iterables)
        self._active = None

    @classmethod
    def from_iterable(cls, iterable):
        """Alternative chain() constructor taking a single iterable argument
        that evaluates lazily."""
        self = cls.__new__(cls)
        self._source = iter(iterable)
        self._active = None
        return self

    def __iter__(self):
        return self

    def __next__(self):
        while True:
            if self._active is None:
                if self._source is None:
                    raise StopIteration
                try:
                    iterable = next(self._source)
                except StopIteration:
                    self._source = None
                    raise
                self._active = iter(iterable)
            for item in self._active:
                return item
            self._active = None

    def __class_getitem__(cls, item):
        return cls


# ---- iterators terminating on the shortest input ------------------------

def accumulate(iterable, func=None, *, initial=None):
    """Return series of accumulated sums (or other binary function results)."""
    it = iter(iterable)
    return _accumulate(it, func, initial)


def _accumulate(it, func, initial):
    total = initial
    if initial is None:
        try:
            total = next(it)
        except StopIteration:
            return
    yield total
    if func is None:
        for element in it:
            total = total + element
            yield total
    else:
        for element in it:
            total = func(total, element)
            yield total


def compress(data, selectors):
    """Return data elements corresponding to true selector elements."""
    return _compress(iter(data), iter(selectors))


def _compress(data, selectors):
    for d, s in zip(data, selectors):
        if s:
            yield d


def dropwhile(predicate, iterable):
    """Drop items from the iterable while predicate(item) is true."""
    return _dropwhile(predicate, iter(iterable))


def _dropwhile(predicate, it):
    for x in it:
        if not predicate(x):
            yield x
            break
    for x in it:
        yield x


def takewhile(predicate, iterable):
    """Return successive entries from an iterable as long as the predicate
    evaluates to true for each entry."""
    return _takewhile(predicate, iter(iterable))


def _takewhile(predicate, it):
    for x in it:
        if predicate(x):
            yield x
        else:
            break


def filterfalse(function, iterable):
    """Return those items of iterable for which function(item) is false."""
    return _filterfalse(function, iter(iterable))


def _filterfalse(function, it):
    if function is None:
        function = bool
    for x in it:
        if not function(x):
            yield x


def starmap(function, iterable):
    """Return an iterator whose values are returned from the function
    evaluated with an argument tuple taken from the given sequence."""
    return _starmap(function, iter(iterable))


def _starmap(function, it):
    for args in it:
        yield function(*args)


def pairwise(iterable):
    """Return an iterator of overlapping pairs taken from the input iterator."""
    return _pairwise(iter(iterable))


def _pairwise(it):
    for a in it:
        break
    else:
        return
    for b in it:
        yield a, b
        a = b


def zip_longest(*iterables, fillvalue=None):
    """Return a zip_longest object: tuples padded with fillvalue."""
    iterators = [iter(x) for x in iterables]
    return _zip_longest(iterators, fillvalue)


def _zip_longest(iterators, fillvalue):
    active = len(iterators)
    if not active:
        return
    sentinel = object()
    while True:
        values = []
        for i, it in enumerate(iterators):
            value = next(it, sentinel) if it is not None else sentinel
            if value is sentinel:
                if it is not None:
                    active -= 1
                    if not active:
                        return
                    iterators[i] = None
                value = fillvalue
            values.append(value)
        yield tuple(values)


def _islice_arg(value, what):
    if value is None:
        return None
    try:
        if isinstance(value, bool) or not isinstance(value, int):
            value = value.__index__()
    except AttributeError:
        value = -1
    if not 0 <= value <= _MAXSIZE:
        raise ValueError('%s for islice() must be None or an integer: '
                         '0 <= x <= sys.maxsize.' % what)
    return value


def islice(iterable, *args):
    """islice(iterable, stop) --> islice object
islice(iterable, start, stop[, step]) --> islice object"""
    nargs = len(args)
    if nargs == 1:
        start, stop, step = None, args[0], None
        stop = _islice_arg(stop, 'Stop argument')
    elif 2 <= nargs <= 3:
        start, stop = args[0], args[1]
        step = args[2] if nargs == 3 else None
        stop = _islice_arg(stop, 'Stop argument')
        start = _islice_arg(start, 'Indices')
    else:
        raise TypeError('islice expected at most 4 arguments, got %d' % (nargs + 1)
                        if nargs else 'islice expected at least 2 arguments, got 1')
    if step is not None:
        try:
            step = step.__index__() if not isinstance(step, int) else step
        except AttributeError:
            step = -1
        if step < 1:
            raise ValueError('Step for islice() must be a positive integer or None.')
    return _islice(iter(iterable), start or 0, stop, step or 1)


def _islice(it, nxt, stop, step):
    cnt = 0
    while True:
        while cnt < nxt:
            try:
                next(it)
            except StopIteration:
                return
            cnt += 1
        if stop is not None and cnt >= stop:
            return
        try:
            item = next(it)
        except StopIteration:
            return
        cnt += 1
        nxt += step
        if stop is not None and nxt > stop:
            nxt = stop
        yield item


class groupby:
    """make an iterator that returns consecutive keys and groups from the iterable"""

    def __init__(self, iterable, key=None):
        self._keyfunc = key
        self._it = iter(iterable)
        self._marker = object()
        self._tgtkey = self._currkey = self._currvalue = self._marker
        self._group_id = None

    def __iter__(self):
        return self

    def _advance(self):
        self._currvalue = next(self._it)
        v = self._currvalue
        self._currkey = v if self._keyfunc is None else self._keyfunc(v)

    def __next__(self):
        self._group_id = object()
        marker = self._marker
        if self._currkey is marker:
            self._advance()
        elif self._tgtkey is not marker:
            while self._currkey == self._tgtkey:
                self._advance()
        self._tgtkey = self._currkey
        return self._currkey, self._grouper(self._tgtkey, self._group_id)

    def _grouper(self, tgtkey, group_id):
        while self._group_id is group_id:
            yield self._currvalue
            try:
                self._advance()
            except StopIteration:
                return
            if not self._currkey == tgtkey:
                return


class _TeeLink:
    __slots__ = ('value', 'next')

    def __init__(self):
        self.value = None
        self.next = None


class _tee:
    """One of the iterators returned by tee(): they share a linked buffer."""

    def __init__(self, it, link):
        self._it = it
        self._link = link

    def __iter__(self):
        return self

    def __next__(self):
        link = self._link
        if link.next is None:
            link.value = next(self._it)
            link.next = _TeeLink()
        self._link = link.next
        return link.value

    def __copy__(self):
        return _tee(self._it, self._link)


def tee(iterable, n=2):
    """Returns a tuple of n independent iterators."""
    if not isinstance(n, int):
        raise TypeError("'%s' object cannot be interpreted as an integer" % type(n).__name__)
    if n < 0:
        raise ValueError('n must be >= 0')
    it = iter(iterable)
    if n == 0:
        return ()
    if isinstance(it, _tee):
        first = it.__copy__()
    else:
        first = _tee(it, _TeeLink())
    return (first,) + tuple(first.__copy__() for _ in range(n - 1))


# ---- combinatorics ------------------------------------------------------

def product(*iterables, repeat=1):
    """Cartesian product of input iterables.  Equivalent to nested for-loops."""
    if not isinstance(repeat, int):
        raise TypeError("'%s' object cannot be interpreted as an integer"
                        % type(repeat).__name__)
    if repeat < 0:
        raise ValueError('repeat argument cannot be negative')
    pools = [tuple(pool) for pool in iterables] * repeat
    return _product(pools)


def _product(pools):
    n = len(pools)
    for pool in pools:
        if not pool:
            return
    indices = [0] * n
    yield tuple(pool[0] for pool in pools)
    while True:
        i = n - 1
        while i >= 0:
            indices[i] += 1
            if indices[i] < len(pools[i]):
                break
            indices[i] = 0
            i -= 1
        if i < 0:
            return
        yield tuple(pools[k][indices[k]] for k in range(n))


def _check_r(r):
    if not isinstance(r, int):
        raise TypeError("'%s' object cannot be interpreted as an integer" % type(r).__name__)
    if r < 0:
        raise ValueError('r must be non-negative')


def permutations(iterable, r=None):
    """Return successive r-length permutations of elements in the iterable."""
    pool = tuple(iterable)
    n = len(pool)
    if r is None:
        r = n
    _check_r(r)
    return _permutations(pool, n, r)


def _permutations(pool, n, r):
    if r > n:
        return
    indices = list(range(n))
    cycles = list(range(n, n - r, -1))
    yield tuple(pool[i] for i in indices[:r])
    while n:
        for i in reversed(range(r)):
            cycles[i] -= 1
            if cycles[i] == 0:
                indices[i:] = indices[i + 1:] + indices[i:i + 1]
                cycles[i] = n - i
            else:
                j = cycles[i]
                indices[i], indices[-j] = indices[-j], indices[i]
                yield tuple(pool[i] for i in indices[:r])
                break
        else:
            return


def combinations(iterable, r):
    """Return successive r-length combinations of elements in the iterable."""
    pool = tuple(iterable)
    _check_r(r)
    return _combinations(pool, len(pool), r)


def _combinations(pool, n, r):
    if r > n:
        return
    indices = list(range(r))
    yield tuple(pool[i] for i in indices)
    while True:
        for i in reversed(range(r)):
            if indices[i] != i + n - r:
                break
        else:
            return
        indices[i] += 1
        for j in range(i + 1, r):
            indices[j] = indices[j - 1] + 1
        yield tuple(pool[i] for i in indices)


def combinations_with_replacement(iterable, r):
    """Return successive r-length combinations of elements in the iterable
    allowing individual elements to have successive repeats."""
    pool = tuple(iterable)
    _check_r(r)
    return _combinations_wr(pool, len(pool), r)


def _combinations_wr(pool, n, r):
    if not n and r:
        return
    indices = [0] * r
    yield tuple(pool[i] for i in indices)
    while True:
        for i in reversed(range(r)):
            if indices[i] != n - 1:
                break
        else:
            return
        indices[i:] = [indices[i] + 1] * (r - i)
        yield tuple(pool[i] for i in indices)
