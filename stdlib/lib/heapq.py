"""Min-heap operations on lists, with CPython's exact element layout.

heappush/heappop/heapify/heapreplace/heappushpop stand for CPython's C module
_heapq: same comparisons in the same order (so a heap of objects with logging
__lt__ sees what it sees under CPython), a list required (subclasses too),
and the C argument messages ("heappush expected 2 arguments, got 1",
"heappop() argument must be list, not int", IndexError "index out of range"),
and its checks that a comparison did not resize the heap.
nsmallest, nlargest and merge follow CPython's heapq.py algorithms, so ties,
keys and lazy merging behave alike.
"""

__all__ = ['heappush', 'heappop', 'heapify', 'heapreplace', 'heappushpop',
           'nlargest', 'nsmallest', 'merge']


def _nargs(name, args, kw, n):
    # METH_VARARGS-style functions of _heapq ("heappush expected 2 arguments, got 1").
    if kw:
        raise TypeError(f'_heapq.{name}() takes no keyword arguments')
    if len(args) != n:
        raise TypeError(f'{name} expected {n} arguments, got {len(args)}')


def _onearg(name, args, kw):
    # METH_O functions of _heapq.
    if kw:
        raise TypeError(f'_heapq.{name}() takes no keyword arguments')
    if len(args) != 1:
        raise TypeError(f'_heapq.{name}() takes exactly one argument ({len(args)} given)')


# CPython's _heapq, step for step: a comparison may run code that changes
# the heap, so its size is checked after each one ("list changed size during
# iteration") and items are read again, never kept across a comparison.

def _check_list(heap, fname, nth=''):
    if not isinstance(heap, list):
        raise TypeError('%s() argument %smust be list, not %s'
                        % (fname, nth, 'None' if heap is None else type(heap).__name__))


def _sift_down(heap, start, pos):
    # Move heap[pos] up towards start until its parent is not larger.
    size = len(heap)
    if pos >= size:
        raise IndexError('index out of range')
    while pos > start:
        parent = (pos - 1) >> 1
        smaller = heap[pos] < heap[parent]
        if size != len(heap):
            raise RuntimeError('list changed size during iteration')
        if not smaller:
            break
        heap[parent], heap[pos] = heap[pos], heap[parent]
        pos = parent


def _sift_up(heap, pos):
    # Bubble the smaller child up to the leaf, then sift the item back down.
    end = len(heap)
    start = pos
    if pos >= end:
        raise IndexError('index out of range')
    limit = end >> 1
    while pos < limit:
        child = 2 * pos + 1
        if child + 1 < end:
            if not heap[child] < heap[child + 1]:
                child += 1
            if end != len(heap):
                raise RuntimeError('list changed size during iteration')
        heap[child], heap[pos] = heap[pos], heap[child]
        pos = child
    _sift_down(heap, start, pos)


def heappush(*args, **kw):
    """Push item onto heap, maintaining the heap invariant."""
    _nargs('heappush', args, kw, 2)
    heap, item = args
    _check_list(heap, 'heappush', '1 ')
    heap.append(item)
    _sift_down(heap, 0, len(heap) - 1)


def heappop(*args, **kw):
    """Pop the smallest item off the heap, maintaining the heap invariant."""
    _onearg('heappop', args, kw)
    heap = args[0]
    _check_list(heap, 'heappop')
    if not heap:
        raise IndexError('index out of range')
    last = heap.pop()
    if not heap:
        return last
    top = heap[0]
    heap[0] = last
    _sift_up(heap, 0)
    return top


def heapreplace(*args, **kw):
    """Pop and return the current smallest value, and add the new item."""
    _nargs('heapreplace', args, kw, 2)
    heap, item = args
    _check_list(heap, 'heapreplace', '1 ')
    if not heap:
        raise IndexError('index out of range')
    top = heap[0]
    heap[0] = item
    _sift_up(heap, 0)
    return top


def heappushpop(*args, **kw):
    """Fast version of a heappush followed by a heappop."""
    _nargs('heappushpop', args, kw, 2)
    heap, item = args
    _check_list(heap, 'heappushpop', '1 ')
    if not heap:
        return item
    if not heap[0] < item:
        return item
    if not heap:
        raise IndexError('index out of range')
    top = heap[0]
    heap[0] = item
    _sift_up(heap, 0)
    return top


def heapify(*args, **kw):
    """Transform list into a heap, in-place, in O(len(heap)) time."""
    _onearg('heapify', args, kw)
    x = args[0]
    _check_list(x, 'heapify')
    for i in reversed(range(len(x) // 2)):
        _sift_up(x, i)


def _siftdown_max(heap, startpos, pos):
    newitem = heap[pos]
    while pos > startpos:
        parentpos = (pos - 1) >> 1
        parent = heap[parentpos]
        if parent < newitem:
            heap[pos] = parent
            pos = parentpos
            continue
        break
    heap[pos] = newitem


def _siftup_max(heap, pos):
    endpos = len(heap)
    startpos = pos
    newitem = heap[pos]
    childpos = 2 * pos + 1
    while childpos < endpos:
        rightpos = childpos + 1
        if rightpos < endpos and not heap[rightpos] < heap[childpos]:
            childpos = rightpos
        heap[pos] = heap[childpos]
        pos = childpos
        childpos = 2 * pos + 1
    heap[pos] = newitem
    _siftdown_max(heap, startpos, pos)


def _heapify_max(x):
    for i in reversed(range(len(x) // 2)):
        _siftup_max(x, i)


def _heappop_max(heap):
    lastelt = heap.pop()
    if heap:
        returnitem = heap[0]
        heap[0] = lastelt
        _siftup_max(heap, 0)
        return returnitem
    return lastelt


def _heapreplace_max(heap, item):
    returnitem = heap[0]
    heap[0] = item
    _siftup_max(heap, 0)
    return returnitem


def merge(*iterables, key=None, reverse=False):
    """Merge multiple sorted inputs into a single sorted output (lazily)."""
    h = []
    if reverse:
        _heapify, _heappop, _heapreplace, direction = _heapify_max, _heappop_max, _heapreplace_max, -1
    else:
        _heapify, _heappop, _heapreplace, direction = heapify, heappop, heapreplace, 1
    if key is None:
        for order, it in enumerate(map(iter, iterables)):
            try:
                h.append([next(it), order * direction, it])
            except StopIteration:
                pass
        _heapify(h)
        while len(h) > 1:
            try:
                while True:
                    s = h[0]
                    yield s[0]
                    s[0] = next(s[2])
                    _heapreplace(h, s)
            except StopIteration:
                _heappop(h)
        if h:
            value, order, it = h[0]
            yield value
            yield from it
        return
    for order, it in enumerate(map(iter, iterables)):
        try:
            value = next(it)
            h.append([key(value), order * direction, value, it])
        except StopIteration:
            pass
    _heapify(h)
    while len(h) > 1:
        try:
            while True:
                s = h[0]
                yield s[2]
                value = next(s[3])
                s[0] = key(value)
                s[2] = value
                _heapreplace(h, s)
        except StopIteration:
            _heappop(h)
    if h:
        key_value, order, value, it = h[0]
        yield value
        yield from it


def nsmallest(n, iterable, key=None):
    """Find the n smallest elements in a dataset: sorted(iterable, key=key)[:n]."""
    if n == 1:
        it = iter(iterable)
        sentinel = object()
        result = min(it, default=sentinel, key=key)
        return [] if result is sentinel else [result]
    try:
        size = len(iterable)
    except (TypeError, AttributeError):
        pass
    else:
        if n >= size:
            return sorted(iterable, key=key)[:n]
    if key is None:
        it = iter(iterable)
        result = [(elem, i) for i, elem in zip(range(n), it)]
        if not result:
            return result
        _heapify_max(result)
        top = result[0][0]
        order = n
        for elem in it:
            if elem < top:
                _heapreplace_max(result, (elem, order))
                top, _order = result[0]
                order += 1
        result.sort()
        return [elem for (elem, order) in result]
    it = iter(iterable)
    result = [(key(elem), i, elem) for i, elem in zip(range(n), it)]
    if not result:
        return result
    _heapify_max(result)
    top = result[0][0]
    order = n
    for elem in it:
        k = key(elem)
        if k < top:
            _heapreplace_max(result, (k, order, elem))
            top, _order, _elem = result[0]
            order += 1
    result.sort()
    return [elem for (k, order, elem) in result]


def nlargest(n, iterable, key=None):
    """Find the n largest elements in a dataset: sorted(iterable, key=key, reverse=True)[:n]."""
    if n == 1:
        it = iter(iterable)
        sentinel = object()
        result = max(it, default=sentinel, key=key)
        return [] if result is sentinel else [result]
    try:
        size = len(iterable)
    except (TypeError, AttributeError):
        pass
    else:
        if n >= size:
            return sorted(iterable, key=key, reverse=True)[:n]
    if key is None:
        it = iter(iterable)
        result = [(elem, i) for i, elem in zip(range(0, -n, -1), it)]
        if not result:
            return result
        heapify(result)
        top = result[0][0]
        order = -n
        for elem in it:
            if top < elem:
                heapreplace(result, (elem, order))
                top, _order = result[0]
                order -= 1
        result.sort(reverse=True)
        return [elem for (elem, order) in result]
    it = iter(iterable)
    result = [(key(elem), i, elem) for i, elem in zip(range(0, -n, -1), it)]
    if not result:
        return result
    heapify(result)
    top = result[0][0]
    order = -n
    for elem in it:
        k = key(elem)
        if top < k:
            heapreplace(result, (k, order, elem))
            top, _order, _elem = result[0]
            order -= 1
    result.sort(reverse=True)
    return [elem for (k, order, elem) in result]
