class Node:
    def __init__(self, value, next=None):
        self.value = value
        self.next = next

    def __repr__(self):
        return f"Node({self.value!r})"

class LinkedList:
    def __init__(self, iterable=()):
        self.head = None
        self._len = 0
        for x in reversed(list(iterable)):
            self.push_front(x)

    def push_front(self, value):
        self.head = Node(value, self.head)
        self._len += 1

    def append(self, value):
        node = Node(value)
        if self.head is None:
            self.head = node
        else:
            cur = self.head
            while cur.next:
                cur = cur.next
            cur.next = node
        self._len += 1

    def __len__(self):
        return self._len

    def __iter__(self):
        cur = self.head
        while cur:
            yield cur.value
            cur = cur.next

    def __contains__(self, value):
        return any(v == value for v in self)

    def __getitem__(self, index):
        if index < 0:
            index += len(self)
        if not 0 <= index < len(self):
            raise IndexError("linked list index out of range")
        for i, v in enumerate(self):
            if i == index:
                return v

    def __repr__(self):
        return "LinkedList([" + ", ".join(map(repr, self)) + "])"

    def __str__(self):
        return " -> ".join(str(v) for v in self) + " -> None"

    def __eq__(self, other):
        return isinstance(other, LinkedList) and list(self) == list(other)

    def reverse(self):
        prev, cur = None, self.head
        while cur:
            cur.next, prev, cur = prev, cur, cur.next
        self.head = prev

    def remove(self, value):
        prev, cur = None, self.head
        while cur:
            if cur.value == value:
                if prev:
                    prev.next = cur.next
                else:
                    self.head = cur.next
                self._len -= 1
                return
            prev, cur = cur, cur.next
        raise ValueError(f"{value!r} not in list")

ll = LinkedList([3, 1, 4, 1, 5])
print(ll)
print(repr(ll), len(ll))
ll.append(9)
ll.push_front(0)
print(ll, len(ll))
print(ll[0], ll[3], ll[-1], 4 in ll, 7 in ll)
ll.reverse()
print(ll)
ll.remove(1)
print(ll, len(ll))
try:
    ll.remove(42)
except ValueError as e:
    print("ValueError:", e)
try:
    ll[10]
except IndexError as e:
    print("IndexError:", e)
print(sorted(ll), sum(ll), max(ll), list(map(lambda v: v * v, ll)))
print(ll == LinkedList([9, 5, 4, 1, 3, 0]), ll == [9, 5, 1, 4, 3, 0])
empty = LinkedList()
print(empty, len(empty), bool(empty), list(empty))
words = LinkedList("one two three".split())
print(words, words.head, words.head.next)
it = iter(words)
print(next(it), next(it), next(it), next(it, "done"))
