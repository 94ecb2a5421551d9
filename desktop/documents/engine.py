"""Word templates: find, check, compile once, render many times, all in memory.

A template is a .docx written in docxtpl's syntax. It is read once per export: docxtpl's own ``patch_xml`` turns the
XML of the body, headers and footers into Jinja source (mending tags Word split across runs, handling ``{%p``,
``{%tr`` …), which is compiled once in a sandboxed, autoescaping environment. Each document is then one Jinja render
(plus docxtpl's line-break handling), a strict XML check and a zip of the template's other parts copied as they are:
about a millisecond or two instead of the ~20 ms of loading, patching and compiling the template for each document.

Nothing here writes a file. Every problem with a template is a ``TemplateError`` that names the file and says, in
Vietnamese, what is wrong; it is raised while rendering in memory, so before anything is written.
"""
from __future__ import annotations

import datetime as _dt
import io
import re
import unicodedata
import zipfile
from dataclasses import dataclass, field
from pathlib import Path
from xml.sax.saxutils import escape as _xml_escape

from docxtpl import DocxTemplate
from jinja2 import StrictUndefined, TemplateError as JinjaError, TemplateSyntaxError, UndefinedError, meta
from jinja2.sandbox import SandboxedEnvironment, SecurityError
from lxml import etree

from .. import paths

__all__ = ["TemplateError", "CompiledTemplate", "make_env", "find_template", "DocProperties", "prepare"]

_MAIN_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument"
_CORE_REL = "http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties"
_CORE_TYPE = "application/vnd.openxmlformats-package.core-properties+xml"
_RENDERED_RELS = ("/header", "/footer", "/footnotes", "/endnotes")
_TAG_START = ("{{", "{%", "{#")


class TemplateError(Exception):
    """A template that cannot be used: ``path`` names the file, ``problem`` says what is wrong (Vietnamese)."""

    def __init__(self, path: str | Path, problem: str):
        self.path = Path(path)
        self.problem = problem
        super().__init__(f"Mẫu văn bản {self.path} không dùng được: {problem}")


def make_env() -> SandboxedEnvironment:
    """The Jinja environment of every template: sandboxed (data cannot run code), autoescaping (``&``, ``<`` and
    quotes come out as typed), strict about unknown names (a misspelt variable is an error, not an empty string)."""
    return SandboxedEnvironment(autoescape=True, undefined=StrictUndefined, keep_trailing_newline=True)


def find_template(name: str) -> Path:
    """The clerk's copy in the user templates folder if there is one, else the bundled template."""
    user = paths.user_templates_dir() / name
    if user.is_file():
        return user
    return paths.bundled_templates_dir() / name


# --- data made safe for XML ---------------------------------------------------------------------------------------

# Characters XML 1.0 does not allow (all C0 controls but tab and line feed; the two non-characters). A vertical tab or
# form feed pasted from Word becomes a line break; carriage returns are folded into line feeds.
_INVALID_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


def _safe_text(value: str) -> str:
    value = unicodedata.normalize("NFC", value).replace("\r\n", "\n").replace("\r", "\n")
    value = value.replace("\x0b", "\n").replace("\x0c", "\n")
    return _INVALID_XML.sub("", value)


def prepare(value):
    """A copy of the context with every string in NFC and free of characters XML cannot hold."""
    if isinstance(value, str):
        return _safe_text(value)
    if isinstance(value, dict):
        return {k: prepare(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [prepare(v) for v in value]
    return value


def _has_tag_text(value) -> bool:
    if isinstance(value, str):
        return any(t in value for t in _TAG_START)
    if isinstance(value, dict):
        return any(_has_tag_text(v) for v in value.values())
    if isinstance(value, (list, tuple)):
        return any(_has_tag_text(v) for v in value)
    return False


# --- document properties ------------------------------------------------------------------------------------------

@dataclass
class DocProperties:
    """The core properties of a written document (File ▸ Info in Word), set from Python, never from the template."""
    title: str
    subject: str = ""
    author: str = ""
    keywords: str = ""
    description: str = ""
    category: str = ""
    identifier: str = ""
    language: str = "vi-VN"
    company: str = ""
    last_modified_by: str = "CĐS Xã"
    created: _dt.datetime = field(default_factory=lambda: _dt.datetime.now(_dt.timezone.utc))

    def to_xml(self) -> bytes:
        def el(tag: str, value: str) -> str:
            value = _safe_text(value)
            return f"<{tag}>{_xml_escape(value)}</{tag}>" if value else ""

        stamp = self.created.astimezone(_dt.timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")
        body = "".join([
            el("dc:title", self.title), el("dc:subject", self.subject), el("dc:creator", self.author),
            el("cp:keywords", self.keywords), el("dc:description", self.description),
            el("cp:category", self.category), el("dc:identifier", self.identifier),
            el("dc:language", self.language), el("cp:lastModifiedBy", self.last_modified_by),
            "<cp:revision>1</cp:revision>",
            f'<dcterms:created xsi:type="dcterms:W3CDTF">{stamp}</dcterms:created>',
            f'<dcterms:modified xsi:type="dcterms:W3CDTF">{stamp}</dcterms:modified>',
        ])
        return ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
                '<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties"'
                ' xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/"'
                ' xmlns:dcmitype="http://purl.org/dc/dcmitype/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">'
                f"{body}</cp:coreProperties>").encode("utf-8")


    def app_xml(self) -> bytes:
        """The extended properties: the program that wrote the file and the issuing body (Word's "Company")."""
        company = _xml_escape(_safe_text(self.company))
        return ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
                '<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties"'
                ' xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes">'
                "<Template>Normal.dotm</Template><Application>CĐS Xã</Application><DocSecurity>0</DocSecurity>"
                f"<Company>{company}</Company><LinksUpToDate>false</LinksUpToDate>"
                "<SharedDoc>false</SharedDoc></Properties>").encode("utf-8")


# --- the compiled template ----------------------------------------------------------------------------------------

def _rels_targets(raw: bytes, base: str) -> list[tuple[str, str]]:
    """(type, part name) of each internal relationship in a .rels part; ``base`` is the source part's folder."""
    out = []
    for rel in etree.fromstring(raw):
        if rel.get("TargetMode") == "External":
            continue
        target = rel.get("Target", "")
        if target.startswith("/"):
            name = target.lstrip("/")
        else:
            parts = [p for p in (base + "/" + target).split("/") if p]
            stack: list[str] = []
            for p in parts:
                if p == "..":
                    if stack:
                        stack.pop()
                elif p != ".":
                    stack.append(p)
            name = "/".join(stack)
        out.append((rel.get("Type", ""), name))
    return out


def _context_lines(source: str, lineno: int | None) -> str:
    """The document text around a Jinja error line, to show the clerk where the problem is."""
    if not lineno:
        return ""
    lines = source.splitlines()[max(lineno - 2, 0): lineno + 1]
    text = " ".join(re.sub(r"<[^>]+>", "", line) for line in lines)
    text = re.sub(r"\s+", " ", text).strip()
    return f" (gần đoạn: «{text[:160]}»)" if text else ""


_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def _close_empty_cells(tree) -> None:
    """A table cell must end with a paragraph (Word refuses the file otherwise); a loop that printed nothing in a
    cell leaves it empty, so give it one."""
    for tc in tree.iter(_W + "tc"):
        last = tc[-1] if len(tc) else None
        if last is None or last.tag != _W + "p":
            tc.append(etree.Element(_W + "p"))


def _grid_mismatch(tree) -> bool:
    """True when a table's rows and grid disagree (a {%tc loop made more or fewer cells): docxtpl's fix_tables."""
    for tbl in tree.iter(_W + "tbl"):
        grid = tbl.find(_W + "tblGrid")
        columns = len(grid.findall(_W + "gridCol")) if grid is not None else 0
        widest = 0
        for tr in tbl.findall(_W + "tr"):
            width = 0
            for tc in tr.findall(_W + "tc"):
                span = tc.find(f"{_W}tcPr/{_W}gridSpan")
                value = span.get(_W + "val", "1") if span is not None else "1"
                width += int(value) if value.isdigit() else 1
            widest = max(widest, width)
        if widest != columns:
            return True
    return False


_END_TAGS = {"endfor": "{% for %} chưa có {% endfor %}", "endif": "{% if %} chưa có {% endif %}"}


def _explain(exc: Exception) -> str:
    """Jinja's English message as a sentence a clerk can act on (the original kept in brackets when unknown)."""
    message = str(getattr(exc, "message", None) or exc)
    m = re.search(r"has no attribute '([^']+)'|'([^']+)' is undefined", message)
    if isinstance(exc, UndefinedError) and m:
        return f"dùng biến không có trong dữ liệu: {m.group(1) or m.group(2)}"
    if isinstance(exc, SecurityError):
        m = re.search(r"attribute '([^']+)'", message)
        return "thẻ mẫu truy cập thứ không được phép" + (f" ({m.group(1)})" if m else "")
    if message.startswith("Unexpected end of template"):
        for tag, text_vi in _END_TAGS.items():
            if f"'{tag}'" in message:
                return f"thẻ mẫu viết sai: {text_vi}"
        return "thẻ mẫu viết sai: mẫu kết thúc khi còn thẻ chưa đóng"
    m = re.match(r"unexpected '(.+)'$", message)
    if m:
        return f"thẻ mẫu viết sai: thẻ {{{{ … }}}} hoặc {{% … %}} chưa đóng hoặc có ký tự lạ «{m.group(1)}»"
    m = re.match(r"No filter named '([^']+)'", message)
    if m:
        return f"thẻ mẫu viết sai: không có bộ lọc «{m.group(1)}»"
    m = re.match(r"Encountered unknown tag '([^']+)'", message)
    if m:
        return f"thẻ mẫu viết sai: thẻ lạ «{m.group(1)}»"
    return f"thẻ mẫu viết sai ({message})"


class CompiledTemplate:
    """One template, read and compiled once; ``render`` gives the bytes of a finished .docx."""

    def __init__(self, path: str | Path, env: SandboxedEnvironment | None = None):
        self.path = Path(path)
        self.env = env or make_env()
        try:
            data = self.path.read_bytes()
        except FileNotFoundError:
            raise TemplateError(self.path, "không tìm thấy tệp mẫu.") from None
        except OSError as exc:
            raise TemplateError(self.path, f"không đọc được tệp ({exc.strerror or exc}).") from None
        try:
            with zipfile.ZipFile(io.BytesIO(data)) as z:
                self._names = z.namelist()
                self._raw = {n: z.read(n) for n in self._names}
        except (zipfile.BadZipFile, zipfile.LargeZipFile, EOFError, ValueError, OSError):
            raise TemplateError(self.path, "tệp không phải văn bản Word .docx (hoặc đã hỏng). Hãy lưu lại bằng "
                                           "Word với kiểu «Word Document (*.docx)».") from None
        types = self._raw.get("[Content_Types].xml", b"")
        if b"macroEnabled" in types:
            raise TemplateError(self.path, "mẫu có macro (.docm); hãy lưu lại bằng Word với kiểu «Word Document "
                                           "(*.docx)».")
        if b"wordprocessingml.template.main+xml" in types:  # a .dotx saved under the name: written as a document
            self._raw["[Content_Types].xml"] = types.replace(b"wordprocessingml.template.main+xml",
                                                             b"wordprocessingml.document.main+xml")
        self._helper = DocxTemplate(self.path)  # docxtpl's XML patching and line-break handling
        self._helper.docx_ids_index = 1000
        self.main = self._main_part()
        self._sources: dict[str, str] = {}
        self._literal_braces = False  # the template prints braces on purpose ({_{ … }_})
        self._compiled = {}
        for name in self._parts_to_render():
            self._compile(name)
        self.variables = self._variables()

    # -- reading ---------------------------------------------------------------------------------------------------
    def _main_part(self) -> str:
        rels = self._raw.get("_rels/.rels")
        if rels is None:
            raise TemplateError(self.path, "thiếu phần _rels/.rels: tệp không phải văn bản Word hợp lệ.")
        try:
            targets = _rels_targets(rels, "")
        except etree.XMLSyntaxError:
            raise TemplateError(self.path, "phần _rels/.rels bị hỏng.") from None
        main = next((name for kind, name in targets if kind == _MAIN_REL), None)
        if not main or main not in self._raw:
            raise TemplateError(self.path, "không có nội dung văn bản (word/document.xml).")
        return main

    def _parts_to_render(self) -> list[str]:
        names = [self.main]
        folder, _, file = self.main.rpartition("/")
        rels = self._raw.get(f"{folder}/_rels/{file}.rels")
        if rels is not None:
            try:
                targets = _rels_targets(rels, folder)
            except etree.XMLSyntaxError:
                raise TemplateError(self.path, "phần liên kết của văn bản bị hỏng.") from None
            names += [name for kind, name in targets if kind.endswith(_RENDERED_RELS) and name in self._raw]
        return names

    def _compile(self, name: str) -> None:
        raw = self._raw[name]
        if b"{" not in raw:
            return  # nothing to fill in this part: it is copied as it is
        try:
            xml = etree.tostring(etree.fromstring(raw), encoding="unicode")
        except etree.XMLSyntaxError as exc:
            raise TemplateError(self.path, f"phần {name} không phải XML hợp lệ ({exc}).") from None
        source = self._helper.patch_xml(xml)
        # docxtpl's escapes for literal braces, written so that data are never touched by them
        for esc, literal in (("{_{", "{{"), ("}_}", "}}"), ("{_%", "{%"), ("%_}", "%}")):
            if esc in source:
                self._literal_braces = True
                source = source.replace(esc, "{{ '%s' }}" % literal)
        source = re.sub(r"<w:p([ >])", r"\n<w:p\1", source)
        try:
            compiled = self.env.from_string(source)
        except TemplateSyntaxError as exc:
            raise TemplateError(self.path, f"{_explain(exc)}{_context_lines(source, exc.lineno)}.") from None
        except JinjaError as exc:
            raise TemplateError(self.path, f"{_explain(exc)}.") from None
        self._sources[name] = source
        self._compiled[name] = compiled

    def _variables(self) -> set[str]:
        """The names the template reads (what docxtpl's ``get_undeclared_template_variables`` reports)."""
        names: set[str] = set()
        for source in self._sources.values():
            names |= meta.find_undeclared_variables(self.env.parse(source))
        return names

    # -- checking --------------------------------------------------------------------------------------------------
    def check_variables(self, provided) -> None:
        """Raise when the template uses a name the program does not provide (a typo, or a variable of another kind
        of document)."""
        unknown = sorted(self.variables - set(provided))
        if unknown:
            raise TemplateError(self.path, "dùng biến không có trong dữ liệu: " + ", ".join(unknown)
                                + ". Xem danh sách biến trong templates_docx/README.md.")

    # -- rendering -------------------------------------------------------------------------------------------------
    def _render_part(self, name: str, context: dict, data_has_tags: bool) -> bytes:
        source = self._sources[name]
        try:
            out = self._compiled[name].render(context)
        except (SecurityError, UndefinedError) as exc:
            raise TemplateError(self.path, f"{_explain(exc)}.") from None
        except JinjaError as exc:
            lineno = getattr(exc, "lineno", None)
            raise TemplateError(self.path, f"{_explain(exc)}{_context_lines(source, lineno)}.") from None
        except (TypeError, ValueError, AttributeError, KeyError, IndexError, ZeroDivisionError) as exc:
            raise TemplateError(self.path, f"lỗi khi điền mẫu: {type(exc).__name__}: {exc}.") from None
        out = re.sub(r"\n<w:p([ >])", r"<w:p\1", out)
        if any(ch in out for ch in "\n\t\a\f"):
            out = self._helper.resolve_listing(out)  # line breaks and tabs in the data → <w:br/>, <w:tab/>
        if not (data_has_tags or self._literal_braces) and any(t in out for t in _TAG_START):
            found = next(t for t in _TAG_START if t in out)
            raise TemplateError(self.path, f"còn thẻ mẫu chưa xử lý (“{found}”): thẻ bị tách hoặc viết sai.")
        try:
            tree = etree.fromstring(out.encode("utf-8"))
        except etree.XMLSyntaxError as exc:
            raise TemplateError(self.path, "điền mẫu ra văn bản hỏng (thẻ {%p/{%tr đặt sai chỗ hoặc không đóng): "
                                           f"{exc}.") from None
        _close_empty_cells(tree)
        if _grid_mismatch(tree):
            tree = self._helper.fix_tables(etree.tostring(tree, encoding="unicode"))
        self._helper.fix_docpr_ids(tree)
        return etree.tostring(tree, encoding="UTF-8", xml_declaration=True, standalone=True)

    def render(self, context: dict, properties: DocProperties) -> bytes:
        """The finished .docx as bytes; ``context`` should already be ``prepare``d."""
        data_has_tags = _has_tag_text(context)
        rendered = {name: self._render_part(name, context, data_has_tags) for name in self._compiled}
        rendered["docProps/core.xml"] = properties.to_xml()
        if "docProps/app.xml" in self._raw:
            rendered["docProps/app.xml"] = properties.app_xml()
        names = list(self._names)
        if "docProps/core.xml" not in self._raw:
            names.append("docProps/core.xml")
            rendered["[Content_Types].xml"] = self._raw["[Content_Types].xml"].replace(
                b"</Types>", f'<Override PartName="/docProps/core.xml" ContentType="{_CORE_TYPE}"/></Types>'
                .encode())
            rendered["_rels/.rels"] = self._raw["_rels/.rels"].replace(
                b"</Relationships>", f'<Relationship Id="rIdCdsCore" Type="{_CORE_REL}" '
                                     f'Target="docProps/core.xml"/></Relationships>'.encode())
        buf = io.BytesIO()
        stamp = properties.created.astimezone().timetuple()[:6]
        with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED, compresslevel=6) as z:
            for name in names:
                info = zipfile.ZipInfo(name, date_time=stamp)
                info.compress_type = zipfile.ZIP_DEFLATED
                z.writestr(info, rendered.get(name, self._raw.get(name, b"")))
        return buf.getvalue()
