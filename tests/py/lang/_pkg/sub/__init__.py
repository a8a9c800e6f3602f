from .. import PKG
from ..sibling import S as S2
DEEP = 'deep ' + PKG + ' ' + S2
