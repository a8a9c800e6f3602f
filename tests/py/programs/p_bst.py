class BST:
    class _Node:
        __slots__ = ("key", "val", "left", "right")
        def __init__(self, key, val):
            self.key, self.val = key, val
            self.left = self.right = None

    def __init__(self):
        self.root = None
        self.size = 0

    def insert(self, key, val=None):
        if self.root is None:
            self.root = self._Node(key, val)
            self.size += 1
            return
        node = self.root
        while True:
            if key == node.key:
                node.val = val
                return
            side = "left" if key < node.key else "right"
            child = getattr(node, side)
            if child is None:
                setattr(node, side, self._Node(key, val))
                self.size += 1
                return
            node = child

    def __contains__(self, key):
        node = self.root
        while node:
            if key == node.key:
                return True
            node = node.left if key < node.key else node.right
        return False

    def __iter__(self):
        stack, node = [], self.root
        while stack or node:
            while node:
                stack.append(node)
                node = node.left
            node = stack.pop()
            yield node.key
            node = node.right

    def __len__(self):
        return self.size

    def height(self, node="root"):
        if node == "root":
            node = self.root
        if node is None:
            return 0
        return 1 + max(self.height(node.left), self.height(node.right))

    def level_order(self):
        levels, frontier = [], [self.root] if self.root else []
        while frontier:
            levels.append([n.key for n in frontier])
            frontier = [c for n in frontier for c in (n.left, n.right) if c]
        return levels

    def delete(self, key):
        def _del(node, key):
            if node is None:
                raise KeyError(key)
            if key < node.key:
                node.left = _del(node.left, key)
            elif key > node.key:
                node.right = _del(node.right, key)
            else:
                if node.left is None:
                    return node.right
                if node.right is None:
                    return node.left
                succ = node.right
                while succ.left:
                    succ = succ.left
                node.key, node.val = succ.key, succ.val
                node.right = _del(node.right, succ.key)
            return node
        self.root = _del(self.root, key)
        self.size -= 1

t = BST()
for k in [50, 30, 70, 20, 40, 60, 80, 35, 45, 65]:
    t.insert(k, str(k))
print(list(t), len(t), t.height())
print(t.level_order())
print(35 in t, 36 in t)
t.delete(30)
print(list(t), t.level_order())
t.delete(50)
print(t.level_order(), len(t))
try:
    t.delete(999)
except KeyError as e:
    print("KeyError", e)
words = BST()
for w in "the quick brown fox jumps over the lazy dog".split():
    words.insert(w)
print(list(words), len(words), words.height())
import random
random.seed(11)
big = BST()
keys = random.sample(range(1000), 200)
for k in keys:
    big.insert(k)
print(len(big), big.height(), list(big) == sorted(keys), list(big)[:10])
print(t._Node.__name__, t._Node.__qualname__)
