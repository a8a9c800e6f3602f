"""Functional tools for creating and using iterators (gilpy).

Design: every iterator here is a class, as in CPython (type(x).__name__ is
'accumulate', a group of groupby is a '_grouper').  count, repeat, cycle,
chain, groupby and _tee are written out; the others are generator functions
turned into classes by _itertype: the constructor checks and converts its
arguments at once - as CPython's do, so errors come at the call, not at the
first next() - and the instance then runs the generator.  Arguments are
parsed with CPython's messages: _clinic for Argument Clinic signatures
("combinations() missing required argument 'r' (pos 2)"), _posonly for the
positional-only ones ("starmap expected 2 arguments, got 1").  The orders in
which product, permutations and combinations produce their tuples are
CPython's (lexicographic by input position).
"""

__all__ = ['count', 'cycle', 'repeat', 'accumulate', 'chain', 'compress',
           'dropwhile', 'filterfalse', 'groupby', 'islice', 'pairwise',
           'starmap', 'takewhile', 'tee', 'zip_longest', 'product',
           'permutations', 'combinations', 'combinations_with_replacement']

_MAXSIZE = (1 << 63) - 1
_MISSING = object()


def _clinic(fname, args, kw, names, minpos, maxpos, kwonly=()):
    """Bind like CPython's _PyArg_UnpackKeywords: the values of names + kwonly
    (_MISSING when not given), with its messages in its order."""
    nargs, maxargs = len(args), len(names) + len(kwonly)
    if nargs + len(kw) > maxargs:
        raise TypeError('%s() takes at most %d %sargument%s (%d given)'
                        % (fname, maxargs, 'keyword ' if nargs == 0 else '',
                           '' if maxargs == 1 else 's', nargs + len(kw)))
    if nargs > maxpos:
        raise TypeError('%s() takes %s %d positional argument%s (%d given)'
                        % (fname, 'at most' if minpos < maxpos else 'exactly', maxpos,
                           '' if maxpos == 1 else 's', nargs))
    allnames = names + kwonly
    vals = list(args) + [_MISSING] * (maxargs - nargs)
    left = dict(kw)
    for i in range(nargs, maxargs):
        if allnames[i] in left:
            vals[i] = left.pop(allnames[i])
        elif i < minpos:
            raise TypeError("%s() missing required argument '%s' (pos %d)" % (fname, allnames[i], i + 1))
    if left:
        for i in range(nargs):
            if allnames[i] in left:
                raise TypeError("argument for %s() given by name ('%s') and position (%d)"
                                % (fname, allnames[i], i + 1))
        raise TypeError("'%s' is an invalid keyword argument for %s()" % (next(iter(left)), fname))
    return vals


def _posonly(fname, args, kw, lo, hi):
    """Positional-only arguments checked as CPython's _PyArg_CheckPositional."""
    if kw:                            # tee is a module function: its own name is qualified
        raise TypeError('%s() takes no keyword arguments' % ('itertools.tee' if fname == 'tee' else fname))
    n = len(args)
    if lo <= n <= hi:
        return list(args) + [_MISSING] * (hi - n)
    if lo == hi:
        raise TypeError('%s expected %d argument%s, got %d' % (fname, lo, '' if lo == 1 else 's', n))
    if n < lo:
        raise TypeError('%s expected at least %d argument%s, got %d' % (fname, lo, '' if lo == 1 else 's', n))
    raise TypeError('%s expected at most %d argument%s, got %d' % (fname, hi, '' if hi == 1 else 's', n))


def _ssize(v):
    """A Py_ssize_t argument: __index__, OverflowError past 64 bits."""
    if not hasattr(type(v), '__index__'):
        raise TypeError("'%s' object cannot be interpreted as an integer" % type(v).__name__)
    v = type(v).__index__(v)
    if not -_MAXSIZE - 1 <= v <= _MAXSIZE:
        raise OverflowError('Python int too large to convert to C ssize_t')
    return v


class _GenIter:
    """An iterator class running a generator (the base of _itertype's classes)."""
    __slots__ = ('_gen',)

    def __iter__(self):
        return self

    def __next__(self):
        return next(self._gen)


def _itertype(parse):
    """Decorator: `def name(...)` returning a generator becomes the class
    `name`; calling it runs parse(name, args, kwargs) -> the function's arguments."""
    def deco(fn):
        name = fn.__name__

        def __new__(cls, *args, **kwargs):
            self = object.__new__(cls)
            self._gen = fn(*parse(name, args, kwargs))
            return self
        return type(name, (_GenIter,), {'__new__': staticmethod(__new__), '__doc__': fn.__doc__,
                                        '__module__': 'itertools', '__slots__': ()})
    return deco


# ---- infinite iterators -------------------------------------------------

class count:
    """Return a count object whose .__next__() method returns consecutive values."""

    def __init__(self, *args, **kwargs):
        start, step = _clinic('count', args, kwargs, ('start', 'step'), 0, 2)
        start = 0 if start is _MISSING else start
        step = 1 if step is _MISSING else step
        for v in (start, step):          # CPython's PyNumber_Check, or complex
            t = type(v)
            if not (hasattr(t, '__index__') or hasattr(t, '__int__') or hasattr(t, '__float__')
                    or isinstance(v, complex)):
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

    def __init__(self, *args, **kwargs):
        iterable, = _posonly('cycle', args, kwargs, 1, 1)
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


def _repeat_args(*args, **kwargs):
    object, times = _clinic('repeat', args, kwargs, ('object', 'times'), 1, 2)
    return object, None if times is _MISSING else _ssize(times)


class repeat:
    """repeat(object [,times]) -> create an iterator which returns the object
    for the specified number of times.  If not specified, returns the object
    endlessly."""

    def __init__(self, *args, **kwargs):
        object, times = _repeat_args(*args, **kwargs)
        self._object = object
        if times is not None:
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

    def __init__(self, *iterables, **kwargs):
        if kwargs:
            raise TypeError('chain() takes no keyword arguments')
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

def _p_accumulate(name, args, kw):
    iterable, func, initial = _clinic(name, args, kw, ('iterable', 'func'), 1, 2, ('initial',))
    return iter(iterable), None if func is _MISSING else func, None if initial is _MISSING else initial


@_itertype(_p_accumulate)
def accumulate(it, func, initial):
    """Return series of accumulated sums (or other binary function results)."""
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


def _p_compress(name, args, kw):
    data, selectors = _clinic(name, args, kw, ('data', 'selectors'), 2, 2)
    return iter(data), iter(selectors)


@_itertype(_p_compress)
def compress(data, selectors):
    """Return data elements corresponding to true selector elements."""
    for d, s in zip(data, selectors):
        if s:
            yield d


def _p_pred_iter(name, args, kw):
    predicate, iterable = _posonly(name, args, kw, 2, 2)
    return predicate, iter(iterable)


@_itertype(_p_pred_iter)
def dropwhile(predicate, it):
    """Drop items from the iterable while predicate(item) is true."""
    for x in it:
        if not predicate(x):
            yield x
            break
    for x in it:
        yield x


@_itertype(_p_pred_iter)
def takewhile(predicate, it):
    """Return successive entries from an iterable as long as the predicate
    evaluates to true for each entry."""
    for x in it:
        if predicate(x):
            yield x
        else:
            break


@_itertype(_p_pred_iter)
def filterfalse(function, it):
    """Return those items of iterable for which function(item) is false."""
    if function is None:
        function = bool
    for x in it:
        if not function(x):
            yield x


@_itertype(_p_pred_iter)
def starmap(function, it):
    """Return an iterator whose values are returned from the function
    evaluated with an argument tuple taken from the given sequence."""
    for args in it:
        yield function(*args)


def _p_pairwise(name, args, kw):
    iterable, = _posonly(name, args, kw, 1, 1)
    return iter(iterable),


@_itertype(_p_pairwise)
def pairwise(it):
    """Return an iterator of overlapping pairs taken from the input iterator."""
    for a in it:
        break
    else:
        return
    for b in it:
        yield a, b
        a = b


def _p_zip_longest(name, args, kw):
    fillvalue = None
    if kw:
        if len(kw) != 1 or 'fillvalue' not in kw:
            raise TypeError('zip_longest() got an unexpected keyword argument')
        fillvalue = kw['fillvalue']
    return [iter(x) for x in args], fillvalue


@_itertype(_p_zip_longest)
def zip_longest(iterators, fillvalue):
    """Return a zip_longest object: tuples padded with fillvalue."""
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


def _islice_idx(value):
    # CPython's PyNumber_AsSsize_t(value, PyExc_OverflowError) with the error
    # cleared: -1 when value is not an index or does not fit.
    try:
        v = type(value).__index__(value)
    except Exception:
        return -1
    return v if -_MAXSIZE - 1 <= v <= _MAXSIZE else -1


def _p_islice(name, args, kw):
    iterable, *rest = _posonly(name, args, kw, 2, 4)
    rest = [v for v in rest if v is not _MISSING]
    start, stop, step = 0, None, 1
    stop_arg = rest[0] if len(rest) == 1 else rest[1]
    if len(rest) > 1 and rest[0] is not None:
        start = _islice_idx(rest[0])
    if stop_arg is not None:
        stop = _islice_idx(stop_arg)
        if stop == -1:
            raise ValueError('Stop argument for islice() must be None or an integer: '
                             '0 <= x <= sys.maxsize.')
    if start < 0 or (stop is not None and stop < -1):
        raise ValueError('Indices for islice() must be None or an integer: 0 <= x <= sys.maxsize.')
    if len(rest) == 3 and rest[2] is not None:
        step = _islice_idx(rest[2])
    if step < 1:
        raise ValueError('Step for islice() must be a positive integer or None.')
    return iter(iterable), start, stop, step


@_itertype(_p_islice)
def islice(it, nxt, stop, step):
    """islice(iterable, stop) --> islice object
islice(iterable, start, stop[, step]) --> islice object"""
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

    def __init__(self, *args, **kwargs):
        iterable, key = _clinic('groupby', args, kwargs, ('iterable', 'key'), 1, 2)
        self._keyfunc = None if key is _MISSING else key
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
        group = object.__new__(_grouper)
        group._gen = self._group(self._tgtkey, self._group_id)
        return self._currkey, group

    def _group(self, tgtkey, group_id):
        while self._group_id is group_id:
            yield self._currvalue
            try:
                self._advance()
            except StopIteration:
                return
            if not self._currkey == tgtkey:
                return


# One group of a groupby (CPython's itertools._grouper).
_grouper = type('_grouper', (_GenIter,), {'__slots__': (), '__module__': 'itertools'})


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


def tee(*args, **kwargs):
    """Returns a tuple of n independent iterators."""
    iterable, n = _posonly('tee', args, kwargs, 1, 2)
    n = 2 if n is _MISSING else _ssize(n)
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

def _p_product(name, args, kw):
    repeat = 1
    if kw:
        (repeat,) = _clinic(name, (), kw, (), 0, 0, ('repeat',))
        repeat = _ssize(repeat)
        if repeat < 0:
            raise ValueError('repeat argument cannot be negative')
    return [tuple(pool) for pool in args] * repeat,


@_itertype(_p_product)
def product(pools):
    """Cartesian product of input iterables.  Equivalent to nested for-loops."""
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


def _p_permutations(name, args, kw):
    iterable, r = _clinic(name, args, kw, ('iterable', 'r'), 1, 2)
    pool = tuple(iterable)
    n = len(pool)
    if r is _MISSING or r is None:
        r = n
    elif not isinstance(r, int):
        raise TypeError('Expected int as r')
    elif not -_MAXSIZE - 1 <= r <= _MAXSIZE:
        raise OverflowError('Python int too large to convert to C ssize_t')
    if r < 0:
        raise ValueError('r must be non-negative')
    return pool, n, r


@_itertype(_p_permutations)
def permutations(pool, n, r):
    """Return successive r-length permutations of elements in the iterable."""
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


def _p_combinations(name, args, kw):
    iterable, r = _clinic(name, args, kw, ('iterable', 'r'), 2, 2)
    r = _ssize(r)                     # the argument parser converts r first
    pool = tuple(iterable)
    if r < 0:
        raise ValueError('r must be non-negative')
    return pool, len(pool), r


@_itertype(_p_combinations)
def combinations(pool, n, r):
    """Return successive r-length combinations of elements in the iterable."""
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


@_itertype(_p_combinations)
def combinations_with_replacement(pool, n, r):
    """Return successive r-length combinations of elements in the iterable
    allowing individual elements to have successive repeats."""
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
