"""Min-heap operations on lists, with CPython's exact element layout."""

__all__ = ['heappush', 'heappop', 'heapify', 'heapreplace', 'heappushpop',
           'nlargest', 'nsmallest', 'merge']


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


def heappush(heap, item):
    _check_list(heap, 'heappush', '1 ')
    heap.append(item)
    _sift_down(heap, 0, len(heap) - 1)


def heappop(heap):
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


def heapreplace(heap, item):
    _check_list(heap, 'heapreplace', '1 ')
    if not heap:
        raise IndexError('index out of range')
    top = heap[0]
    heap[0] = item
    _sift_up(heap, 0)
    return top


def heappushpop(heap, item):
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


def heapify(x):
    _check_list(x, 'heapify')
    for i in reversed(range(len(x) // 2)):
        _sift_up(x, i)


def nsmallest(n, iterable, key=None):
    return sorted(iterable, key=key)[:n]


def nlargest(n, iterable, key=None):
    return sorted(iterable, key=key, reverse=True)[:n]


def merge(*iterables, key=None, reverse=False):
    items = [x for it in iterables for x in it]
    yield from sorted(items, key=key, reverse=reverse)
