# pyexpat: ParserCreate, handlers and their arguments, buffer_text, ordered and
# specified attributes, namespaces, intern, errors (ExpatError code/lineno/offset),
# ParseFile, the errors/model submodules; and the libraries built on it
import io
import pyexpat
import xml.parsers.expat as expat
from xml.parsers.expat import errors, model

print(pyexpat.EXPAT_VERSION.startswith('expat_'), len(pyexpat.version_info), pyexpat.native_encoding)
print(expat.ExpatError, expat.error is expat.ExpatError, expat.ExpatError.__mro__[1])
print(pyexpat.ErrorString(2), pyexpat.ErrorString(4), repr(pyexpat.ErrorString(9999)))
print(errors.XML_ERROR_SYNTAX, errors.codes[errors.XML_ERROR_SYNTAX], errors.messages[3])
print(errors.__name__, model.__name__, model.XML_CTYPE_SEQ, model.XML_CQUANT_PLUS)
print(pyexpat.XML_PARAM_ENTITY_PARSING_ALWAYS, type(pyexpat.features), pyexpat.features[0])
print(pyexpat.ParserCreate.__text_signature__ is not None)

out = []


def rec(name):
    def f(*args):
        out.append((name,) + args)
    return f


DOC = b'''<?xml version="1.0" encoding="iso-8859-1" standalone="no"?>
<!DOCTYPE root [
  <!ELEMENT root (a|b)*>
  <!ELEMENT a (#PCDATA)>
  <!ATTLIST a id CDATA #REQUIRED kind (x|y) "x">
  <!ENTITY ent "expanded">
  <!NOTATION gif SYSTEM "image/gif">
  <!ENTITY pic SYSTEM "pic.gif" NDATA gif>
]>
<?pi-target some data?>
<root xmlns:n="http://n/" n:attr="1">
  <!-- a comment -->
  <a id="1">text &amp; more &ent; caf\xe9</a>
  <a id="2" kind="y"><![CDATA[<raw>]]></a>
  <n:b/>
</root>
'''

p = expat.ParserCreate()
for name in ('StartElementHandler', 'EndElementHandler', 'CharacterDataHandler', 'CommentHandler',
             'ProcessingInstructionHandler', 'StartCdataSectionHandler', 'EndCdataSectionHandler',
             'XmlDeclHandler', 'StartDoctypeDeclHandler', 'EndDoctypeDeclHandler', 'ElementDeclHandler',
             'AttlistDeclHandler', 'EntityDeclHandler', 'NotationDeclHandler',
             'UnparsedEntityDeclHandler', 'NotStandaloneHandler'):
    setattr(p, name, rec(name))
p.NotStandaloneHandler = lambda: 1
print(p.StartElementHandler is not None, p.DefaultHandler, p.buffer_text, p.buffer_size)
print(p.Parse(DOC, True))
for ev in out:
    print(ev)

# buffer_text joins character data; ordered and specified attributes
out.clear()
p = expat.ParserCreate()
p.buffer_text = True
p.ordered_attributes = True
p.specified_attributes = True
p.StartElementHandler = rec('start')
p.CharacterDataHandler = rec('data')
p.Parse(DOC, True)
for ev in out:
    print(ev)
print(p.buffer_text, p.ordered_attributes, p.specified_attributes, p.buffer_used)

# namespaces
out.clear()
p = expat.ParserCreate(namespace_separator='}')
p.StartElementHandler = rec('start')
p.EndElementHandler = rec('end')
p.StartNamespaceDeclHandler = rec('ns')
p.EndNamespaceDeclHandler = rec('endns')
p.Parse('<r xmlns="urn:d" xmlns:x="urn:x"><x:e x:a="1"/></r>', True)
for ev in out:
    print(ev)
out.clear()
p = expat.ParserCreate(namespace_separator=' ')
p.namespace_prefixes = True
p.StartElementHandler = rec('start')
p.Parse('<x:e xmlns:x="urn:x"/>', True)
print(out)

# intern: the same name object every time
p = expat.ParserCreate()
names = []
p.StartElementHandler = lambda n, a: names.append(n)
p.Parse('<a><a/><a/></a>', True)
print(len(p.intern), names[0] is names[1] is names[2], sorted(p.intern))
print(expat.ParserCreate(intern=None).intern, expat.ParserCreate(intern={'x': 'x'}).intern)

# DefaultHandler sees what no other handler takes
out.clear()
p = expat.ParserCreate()
p.DefaultHandler = rec('default')
p.Parse('<!DOCTYPE r [<!ENTITY e "v">]><r>&e;</r>', True)
print(out)
out.clear()
p = expat.ParserCreate()
p.DefaultHandlerExpand = rec('default')
p.Parse('<!DOCTYPE r [<!ENTITY e "v">]><r>&e;</r>', True)
print(out[-3:])

# positions
p = expat.ParserCreate()
pos = []
p.StartElementHandler = lambda n, a: pos.append((n, p.CurrentLineNumber, p.CurrentColumnNumber, p.CurrentByteIndex))
p.Parse('<a>\n  <b/>\n <c/></a>', True)
print(pos)

# errors
for doc in (b'<a></b>', b'<a>', b'', b'<a/><b/>', b'<a x="1" x="2"/>', b'<a>&undefined;</a>', b'\0\r\n'):
    p = expat.ParserCreate()
    try:
        p.Parse(doc, True)
    except expat.ExpatError as e:
        print(repr(doc), e, e.code, e.lineno, e.offset, errors.messages[e.code] == str(e).split(':')[0],
              p.ErrorCode == e.code, p.ErrorLineNumber, p.ErrorColumnNumber)
p = expat.ParserCreate()
p.Parse(b'<a/>', True)
try:
    p.Parse(b'<b/>', True)
except expat.ExpatError as e:
    print('again', e)


# an exception in a handler stops the parse and propagates
def boom(name, attrs):
    raise ValueError('boom ' + name)


p = expat.ParserCreate()
p.StartElementHandler = boom
try:
    p.Parse(b'<x><y/></x>', True)
except ValueError as e:
    print(e, p.StartElementHandler)

# argument errors
for f, a in [(expat.ParserCreate, (1,)), (expat.ParserCreate, (None, 'ab')), (pyexpat.ErrorString, ('x',))]:
    try:
        f(*a)
    except (TypeError, ValueError) as e:
        print(type(e).__name__, e)
try:
    expat.ParserCreate(intern=[])
except TypeError as e:
    print(e)
p = expat.ParserCreate()
for attr, val in (('buffer_size', 0), ('buffer_size', 'x'), ('buffer_size', -5)):
    try:
        setattr(p, attr, val)
    except (TypeError, ValueError) as e:
        print(type(e).__name__, e)
try:
    del p.StartElementHandler
except RuntimeError as e:
    print(e)
try:
    p.ParseFile(42)
except TypeError as e:
    print(e)
try:
    p.ParseFile(io.StringIO('<a/>'))
except TypeError as e:
    print(e)
try:
    p.Parse(42)
except TypeError as e:
    print(e)
try:
    pyexpat.xmlparser()
except (TypeError, AttributeError) as e:
    print(type(e).__name__)

# ParseFile, str input, SetBase, GetInputContext, external entities
p = expat.ParserCreate()
p.StartElementHandler = lambda n, a: print('file start', n, a, p.GetInputContext()[:10])
print(p.ParseFile(io.BytesIO(b'<doc k="v">' + b'x' * 5000 + b'</doc>')), p.GetInputContext())
p = expat.ParserCreate()
p.SetBase('http://base/')
print(p.GetBase())
p.SetParamEntityParsing(expat.XML_PARAM_ENTITY_PARSING_ALWAYS)


def ext(context, base, sysid, pubid):
    print('external', context, base, sysid, pubid)
    sub = p.ExternalEntityParserCreate(context)
    sub.Parse(b'<inner>in</inner>', True)
    return 1


p.ExternalEntityRefHandler = ext
p.CharacterDataHandler = lambda d: print('chars', repr(d))
p.Parse(b'<!DOCTYPE r [<!ENTITY e SYSTEM "e.xml">]><r>&e;</r>', True)

# the libraries on top
import xml.etree.ElementTree as ET
root = ET.fromstring('<r a="1"><c>t</c><c x="y">u</c><!-- c --></r>')
print(root.tag, root.attrib, [c.text for c in root], ET.tostring(root))
try:
    ET.fromstring('<r><c></r>')
except ET.ParseError as e:
    print('ParseError', e, e.code, e.position)
events = [(ev, el.tag) for ev, el in ET.iterparse(io.BytesIO(b'<a><b/><c/></a>'), events=('start', 'end'))]
print(events)
tb = ET.XMLPullParser(['start', 'end'])
tb.feed('<x><y>')
print([(e, el.tag) for e, el in tb.read_events()])
from xml.dom import minidom
doc = minidom.parseString('<doc><item n="1">one</item><item n="2"/></doc>')
print(doc.documentElement.tagName, [i.getAttribute('n') for i in doc.getElementsByTagName('item')])
print(doc.toxml())
import plistlib
data = {'a': 1, 'b': [1.5, 'x', True], 'c': {'d': b'bytes'}}
print(plistlib.loads(plistlib.dumps(data)) == data)
import xml.sax
from xml.sax.handler import ContentHandler


class H(ContentHandler):
    def startElement(self, name, attrs):
        print('sax start', name, dict(attrs))

    def characters(self, content):
        print('sax chars', repr(content))


xml.sax.parseString(b'<s k="v">hi</s>', H())
