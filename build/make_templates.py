"""Build the bundled Word templates in ``templates_docx/`` (docxtpl syntax), formatted per Nghị định 30/2020/NĐ-CP.

Run from the repository: ``python build/make_templates.py``. The .docx files it writes are committed; a clerk may copy
one into the user templates folder and edit it in Word (a file there overrides the bundled one of the same name).

What the script fixes in every template (``shared/docs/nd30.md``):
- A4 portrait, margins top/bottom 20 mm, left 30 mm, right 15 mm; page number centred in the header from page 2.
- Times New Roman on the four font slots (ascii, hAnsi, eastAsia, cs) in the document defaults, every style and every
  run, with no theme font attribute left; language vi-VN. Unused styles, latent styles, the numbering part and the
  python-docx sample parts (thumbnail, stylesWithEffects, customXml) are removed, which keeps each template small.
- The header block: a borderless two-column table (6.5 cm + 10 cm, grid and cell widths set, fixed layout) with the
  short lines under the issuing body, the motto and the subject drawn as paragraph borders.
- Formatting is set both in named styles (for the clerk editing in Word) and directly on paragraphs and runs (so any
  reader of the file sees the same size, weight and alignment).

The variables the templates use are described in ``templates_docx/README.md``.
"""
from __future__ import annotations

import sys
from pathlib import Path

from docx import Document
from docx.oxml import OxmlElement
from docx.oxml.ns import qn

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "templates_docx"

FONT = "Times New Roman"
CM = 567  # twips per centimetre (566.9, rounded as Word does)
TEXT_WIDTH = 9355  # 210 mm - 30 mm - 15 mm = 165 mm in twips
HEADER_LEFT, HEADER_RIGHT = 3685, 5670  # 6.5 cm + 10 cm = 16.5 cm
SIGN_LEFT, SIGN_RIGHT = 4210, 5145  # 45 % / 55 %
CELL_MARGIN = 108  # Word's default left/right cell margin (0.19 cm)
BODY_PT = 14
FIRST_LINE = 720  # 1.27 cm
AFTER = 120  # 6 pt

# --- low-level XML helpers ---------------------------------------------------------------------------------------


def _el(tag: str, **attrs) -> OxmlElement:
    e = OxmlElement(tag)
    for k, v in attrs.items():
        e.set(qn(k.replace("_", ":", 1)), str(v))
    return e


def _child(parent, tag: str, **attrs):
    """Get or create the child ``tag`` of ``parent`` (appended at the end) and set ``attrs``."""
    e = parent.find(qn(tag))
    if e is None:
        e = _el(tag)
        parent.append(e)
    for k, v in attrs.items():
        e.set(qn(k.replace("_", ":", 1)), str(v))
    return e


# Order of the children of w:rPr and w:pPr that Word insists on (a subset: the ones written here).
_RPR_ORDER = ["w:rStyle", "w:rFonts", "w:b", "w:bCs", "w:i", "w:iCs", "w:caps", "w:smallCaps", "w:strike",
              "w:dstrike", "w:outline", "w:shadow", "w:emboss", "w:imprint", "w:noProof", "w:snapToGrid",
              "w:vanish", "w:webHidden", "w:color", "w:spacing", "w:w", "w:kern", "w:position", "w:sz", "w:szCs",
              "w:highlight", "w:u", "w:effect", "w:bdr", "w:shd", "w:fitText", "w:vertAlign", "w:rtl", "w:cs",
              "w:em", "w:lang", "w:eastAsianLayout", "w:specVanish", "w:oMath"]
_PPR_ORDER = ["w:pStyle", "w:keepNext", "w:keepLines", "w:pageBreakBefore", "w:framePr", "w:widowControl",
              "w:numPr", "w:suppressLineNumbers", "w:pBdr", "w:shd", "w:tabs", "w:suppressAutoHyphens", "w:kinsoku",
              "w:wordWrap", "w:overflowPunct", "w:topLinePunct", "w:autoSpaceDE", "w:autoSpaceDN", "w:bidi",
              "w:adjustRightInd", "w:snapToGrid", "w:spacing", "w:ind", "w:contextualSpacing", "w:mirrorIndents",
              "w:suppressOverlap", "w:jc", "w:textDirection", "w:textAlignment", "w:textboxTightWrap",
              "w:outlineLvl", "w:divId", "w:cnfStyle", "w:rPr", "w:sectPr", "w:pPrChange"]


def _sort_children(parent, order: list[str]) -> None:
    rank = {qn(t): i for i, t in enumerate(order)}
    children = list(parent)
    children.sort(key=lambda c: rank.get(c.tag, len(order)))
    for c in children:
        parent.remove(c)
        parent.append(c)


def font_rpr(rpr, *, size: float | None = None, bold: bool | None = None, italic: bool | None = None,
             lang: bool = False) -> None:
    """Times New Roman on the four slots (no theme attributes), plus size / bold / italic when given."""
    fonts = rpr.find(qn("w:rFonts"))
    if fonts is None:
        fonts = _el("w:rFonts")
        rpr.append(fonts)
    for attr in list(fonts.attrib):
        del fonts.attrib[attr]
    for slot in ("ascii", "hAnsi", "eastAsia", "cs"):
        fonts.set(qn(f"w:{slot}"), FONT)
    for tag, value in (("w:b", bold), ("w:bCs", bold), ("w:i", italic), ("w:iCs", italic)):
        old = rpr.find(qn(tag))
        if old is not None:
            rpr.remove(old)
        if value is not None:
            e = _el(tag)
            if not value:
                e.set(qn("w:val"), "0")
            rpr.append(e)
    if size is not None:
        _child(rpr, "w:sz", w_val=int(size * 2))
        _child(rpr, "w:szCs", w_val=int(size * 2))
    if lang:
        _child(rpr, "w:lang", w_val="vi-VN", w_eastAsia="vi-VN", w_bidi="ar-SA")
    _sort_children(rpr, _RPR_ORDER)


def para_ppr(ppr, *, align: str | None = None, first: int | None = None, left: int | None = None,
             right: int | None = None, before: int | None = None, after: int | None = None,
             line: int | None = None, line_rule: str = "auto", keep_next: bool = False) -> None:
    if keep_next:
        _child(ppr, "w:keepNext")
    if any(v is not None for v in (before, after, line)):
        sp = _child(ppr, "w:spacing")
        if before is not None:
            sp.set(qn("w:before"), str(before))
        if after is not None:
            sp.set(qn("w:after"), str(after))
        if line is not None:
            sp.set(qn("w:line"), str(line))
            sp.set(qn("w:lineRule"), line_rule)
    if any(v is not None for v in (first, left, right)):
        ind = _child(ppr, "w:ind")
        if left is not None:
            ind.set(qn("w:left"), str(left))
        if right is not None:
            ind.set(qn("w:right"), str(right))
        if first is not None:
            ind.set(qn("w:firstLine"), str(first))
    if align is not None:
        _child(ppr, "w:jc", w_val=align)
    _sort_children(ppr, _PPR_ORDER)


# --- styles --------------------------------------------------------------------------------------------------------

KEEP_STYLES = {"Normal", "DefaultParagraphFont", "TableNormal", "NoList", "TableGrid", "Header", "Footer"}

# styleId → (Vietnamese name shown in Word, paragraph format, run format)
P_STYLES: dict[str, tuple[str, dict, dict]] = {
    "CdsHeader": ("CĐS Đầu văn bản", dict(align="center", first=0, before=0, after=0, line=240), dict(size=13)),
    "CdsRule": ("CĐS Đường kẻ ngắn", dict(align="center", first=0, before=0, after=0), dict(size=2)),
    "CdsDocType": ("CĐS Tên loại văn bản", dict(align="center", first=0, before=360, after=0, line=240,
                                                keep_next=True), dict(size=14, bold=True)),
    "CdsSubject": ("CĐS Trích yếu", dict(align="center", first=0, before=0, after=0, line=240, keep_next=True),
                   dict(size=14, bold=True)),
    "CdsAuthority": ("CĐS Thẩm quyền ban hành", dict(align="center", first=0, before=240, after=240, line=240,
                                                    keep_next=True), dict(size=14, bold=True)),
    "CdsCitation": ("CĐS Căn cứ", dict(align="both", first=FIRST_LINE, before=0, after=AFTER, line=240),
                    dict(size=BODY_PT, italic=True)),
    "CdsCentered": ("CĐS Giữa đậm", dict(align="center", first=0, before=120, after=AFTER, line=240, keep_next=True),
                    dict(size=BODY_PT, bold=True)),
    "CdsHeading": ("CĐS Đề mục", dict(align="both", first=FIRST_LINE, before=60, after=AFTER, line=240,
                                      keep_next=True), dict(size=BODY_PT, bold=True)),
    "CdsTable": ("CĐS Chữ trong bảng", dict(align="left", first=0, before=40, after=40, line=240), dict(size=12)),
    "CdsTableHead": ("CĐS Đầu bảng", dict(align="center", first=0, before=40, after=40, line=240),
                     dict(size=12, bold=True)),
    "CdsSignTitle": ("CĐS Quyền hạn ký", dict(align="center", first=0, before=0, after=0, line=240),
                     dict(size=14, bold=True)),
    "CdsSigner": ("CĐS Người ký", dict(align="center", first=0, before=0, after=0, line=240),
                  dict(size=14, bold=True)),
    "CdsRecipientsLabel": ("CĐS Nơi nhận", dict(align="left", first=0, before=0, after=0, line=240),
                           dict(size=12, bold=True, italic=True)),
    "CdsRecipients": ("CĐS Danh sách nơi nhận", dict(align="left", first=0, before=0, after=0, line=240),
                      dict(size=11)),
    "CdsKinhGui": ("CĐS Kính gửi", dict(align="center", first=0, before=240, after=240, line=240), dict(size=14)),
    "CdsAppendixLabel": ("CĐS Phụ lục", dict(align="center", first=0, before=0, after=0, line=240),
                         dict(size=14, bold=True)),
    "CdsAppendixNote": ("CĐS Ghi chú phụ lục", dict(align="center", first=0, before=0, after=240, line=240),
                        dict(size=14, italic=True)),
    "CdsPageNumber": ("CĐS Số trang", dict(align="center", first=0, before=0, after=0, line=240), dict(size=13)),
}


def set_up_styles(doc) -> None:
    styles = doc.styles.element
    # document defaults: Times New Roman on every slot, 14 pt, Vietnamese
    rpr_default = styles.find(qn("w:docDefaults")).find(qn("w:rPrDefault")).find(qn("w:rPr"))
    font_rpr(rpr_default, size=BODY_PT, lang=True)
    ppr_default = styles.find(qn("w:docDefaults")).find(qn("w:pPrDefault")).find(qn("w:pPr"))
    for c in list(ppr_default):
        ppr_default.remove(c)
    para_ppr(ppr_default, before=0, after=0, line=240)
    latent = styles.find(qn("w:latentStyles"))
    if latent is not None:
        styles.remove(latent)
    for style in styles.findall(qn("w:style")):
        if style.get(qn("w:styleId")) not in KEEP_STYLES:
            styles.remove(style)
    for style in styles.findall(qn("w:style")):
        for tag in ("w:next", "w:link", "w:rsid"):
            for e in style.findall(qn(tag)):
                style.remove(e)
        sid = style.get(qn("w:styleId"))
        if style.get(qn("w:type")) in ("paragraph", "character", "table"):
            rpr = style.find(qn("w:rPr"))
            if rpr is None:
                rpr = _el("w:rPr")
                style.append(rpr)
            font_rpr(rpr, size=BODY_PT if sid == "Normal" else None, lang=sid == "Normal")
        if sid == "Normal":
            ppr = style.find(qn("w:pPr"))
            if ppr is None:
                ppr = _el("w:pPr")
                style.insert(list(style).index(style.find(qn("w:rPr"))), ppr)
            para_ppr(ppr, align="both", first=FIRST_LINE, before=0, after=AFTER, line=240)
        _order_style(style)
    for sid, (name, pfmt, rfmt) in P_STYLES.items():
        style = _el("w:style", w_type="paragraph", w_customStyle="1", w_styleId=sid)
        style.append(_el("w:name", w_val=name))
        style.append(_el("w:basedOn", w_val="Normal"))
        style.append(_el("w:qFormat"))
        ppr = _el("w:pPr")
        para_ppr(ppr, **pfmt)
        style.append(ppr)
        rpr = _el("w:rPr")
        font_rpr(rpr, **rfmt)
        style.append(rpr)
        styles.append(style)


_STYLE_ORDER = ["w:name", "w:aliases", "w:basedOn", "w:next", "w:link", "w:autoRedefine", "w:hidden",
                "w:uiPriority", "w:semiHidden", "w:unhideWhenUsed", "w:qFormat", "w:locked", "w:personal",
                "w:rsid", "w:pPr", "w:rPr", "w:tblPr", "w:trPr", "w:tcPr", "w:tblStylePr"]


def _order_style(style) -> None:
    _sort_children(style, _STYLE_ORDER)


def strip_package(doc) -> None:
    """Drop the parts a template does not need (and that carry theme fonts or a sample thumbnail)."""
    drop = ("/stylesWithEffects", "/webSettings", "/numbering", "/customXml", "/thumbnail")
    for rels in (doc.part.rels, doc.part.package.rels):
        for rid, rel in list(rels.items()):
            if rel.reltype.endswith(drop):
                rels.pop(rid)
    settings = doc.settings.element
    for tag in ("w:rsids", "w:proofState", "w:attachedTemplate", "w:savePreviewPicture"):
        for e in settings.findall(qn(tag)):
            settings.remove(e)
    lang = settings.find(qn("w:themeFontLang"))
    if lang is not None:
        lang.set(qn("w:val"), "vi-VN")
        lang.attrib.pop(qn("w:eastAsia"), None)
    compat = settings.find(qn("w:compat"))
    if compat is not None:
        for cs in compat.findall(qn("w:compatSetting")):
            if cs.get(qn("w:name")) == "compatibilityMode":
                cs.set(qn("w:val"), "15")
    cp = doc.core_properties
    cp.title = cp.subject = cp.author = cp.keywords = cp.comments = cp.category = ""
    cp.last_modified_by = "CĐS Xã"
    cp.language = "vi-VN"
    cp.revision = 1


# --- page set-up, header with the page number ---------------------------------------------------------------------


def set_up_section(sect_pr, *, restart: bool = False) -> None:
    for tag in ("w:pgSz", "w:pgMar", "w:pgNumType", "w:titlePg", "w:cols", "w:docGrid"):
        for e in sect_pr.findall(qn(tag)):
            sect_pr.remove(e)
    refs = [e for e in sect_pr if e.tag in (qn("w:headerReference"), qn("w:footerReference"))]
    tail = [_el("w:pgSz", w_w=11906, w_h=16838),
            _el("w:pgMar", w_top=1134, w_right=850, w_bottom=1134, w_left=1701, w_header=567, w_footer=567,
                w_gutter=0)]
    if restart:
        tail.append(_el("w:pgNumType", w_start=1))
    tail += [_el("w:cols", w_space=720), _el("w:titlePg"), _el("w:docGrid", w_linePitch=360)]
    for e in tail:
        sect_pr.append(e)
    # headerReference / footerReference must come first
    for e in reversed(refs):
        sect_pr.remove(e)
        sect_pr.insert(0, e)


def add_page_number_header(doc) -> None:
    section = doc.sections[0]
    section.different_first_page_header_footer = True
    header = section.header
    header.is_linked_to_previous = False
    p = header.paragraphs[0]
    style_para(p, "CdsPageNumber", align="center", first=0, before=0, after=0)
    for kind, text in (("begin", None), ("instr", " PAGE "), ("separate", None), ("text", "2"), ("end", None)):
        r = p.add_run()
        font_rpr(r._r.get_or_add_rPr(), size=13)
        if kind == "instr":
            it = _el("w:instrText")
            it.set(qn("xml:space"), "preserve")
            it.text = text
            r._r.append(it)
        elif kind == "text":
            r.text = text
        else:
            r._r.append(_el("w:fldChar", w_fldCharType=kind))
    first = section.first_page_header
    first.is_linked_to_previous = False
    style_para(first.paragraphs[0], "CdsPageNumber", align="center", first=0, before=0, after=0)


def new_document():
    doc = Document()
    strip_package(doc)
    set_up_styles(doc)
    body = doc.element.body
    for p in list(body.findall(qn("w:p"))):
        body.remove(p)
    add_page_number_header(doc)
    set_up_section(doc.sections[0]._sectPr)
    return doc


# --- paragraphs and runs -------------------------------------------------------------------------------------------


def style_para(p, style: str, **pfmt) -> None:
    ppr = p._p.get_or_add_pPr()
    _child(ppr, "w:pStyle", w_val=style)
    base = dict(P_STYLES[style][1]) if style in P_STYLES else {}
    base.update(pfmt)
    para_ppr(ppr, **base)


def add_run(p, text: str, style: str | None = None, **rfmt):
    """A run with direct formatting: the style's size / bold / italic unless overridden."""
    fmt = dict(P_STYLES[style][2]) if style in P_STYLES else dict(size=BODY_PT)
    fmt.update(rfmt)
    r = p.add_run(text)
    font_rpr(r._r.get_or_add_rPr(), size=fmt.get("size"), bold=fmt.get("bold"), italic=fmt.get("italic"))
    return r


def P(container, *runs, style: str = "Normal", **pfmt):
    """A paragraph in ``container`` (document, cell) with runs given as text or (text, {format}) pairs."""
    p = container.add_paragraph()
    _fill(p, runs, style, _normal_defaults(style, pfmt))
    return p


_RUN_KEYS = ("size", "bold", "italic")


def _fill(p, runs, style: str, pfmt: dict) -> None:
    rfmt = {k: pfmt.pop(k) for k in _RUN_KEYS if k in pfmt}
    style_para(p, style, **pfmt)
    for run in runs:
        if isinstance(run, tuple):
            add_run(p, run[0], style, **{**rfmt, **run[1]})
        else:
            add_run(p, run, style, **rfmt)


def _normal_defaults(style: str, pfmt: dict) -> dict:
    if style == "Normal":
        base = dict(align="both", first=FIRST_LINE, before=0, after=AFTER, line=240)
        base.update(pfmt)
        return base
    return pfmt


def tag(container, text: str):
    """A paragraph holding only a docxtpl paragraph tag ({%p … %}); docxtpl removes the paragraph itself."""
    p = container.add_paragraph()
    style_para(p, "Normal", align="both", first=FIRST_LINE, before=0, after=0, line=240)
    add_run(p, text)
    return p


def rule(container, width_cm: float, avail_twips: int):
    """A short solid line, centred: an empty tiny paragraph with a top border, narrowed by its indents."""
    p = container.add_paragraph()
    side = max(0, (avail_twips - int(width_cm * CM)) // 2)
    style_para(p, "CdsRule", align="center", first=0, left=side, right=side, before=70, after=0, line=20,
               line_rule="exact")
    ppr = p._p.get_or_add_pPr()
    bdr = _el("w:pBdr")
    bdr.append(_el("w:top", w_val="single", w_sz=6, w_space=1, w_color="000000"))
    ppr.append(bdr)
    mark = _el("w:rPr")
    font_rpr(mark, size=2)
    ppr.append(mark)
    _sort_children(ppr, _PPR_ORDER)
    return p


def first_paragraph(cell):
    """The empty paragraph every new cell holds, re-used for the first content."""
    return cell.paragraphs[0]


def cell_P(cell, *runs, style: str = "CdsTable", **pfmt):
    """Like P, but fills the cell's initial empty paragraph first."""
    if len(cell.paragraphs) == 1 and not cell.paragraphs[0].runs and cell.paragraphs[0]._p.pPr is None:
        p = cell.paragraphs[0]
        _fill(p, runs, style, dict(pfmt))
        return p
    return P(cell, *runs, style=style, **pfmt)


def cell_rule(cell, width_cm: float, avail_twips: int):
    return rule(cell, width_cm, avail_twips - 2 * CELL_MARGIN)


# --- tables --------------------------------------------------------------------------------------------------------


def table(doc, widths: list[int], rows: int, *, borders: bool):
    """A fixed-layout table: grid and cell widths both set (LibreOffice reads the grid, Word the cells)."""
    t = doc.add_table(rows=rows, cols=len(widths))
    tbl = t._tbl
    tblPr = tbl.tblPr
    for e in list(tblPr):
        tblPr.remove(e)
    if borders:
        tblPr.append(_el("w:tblStyle", w_val="TableGrid"))
    tblPr.append(_el("w:tblW", w_w=sum(widths), w_type="dxa"))
    tblPr.append(_el("w:jc", w_val="center"))
    tblPr.append(_el("w:tblInd", w_w=0, w_type="dxa"))
    b = _el("w:tblBorders")
    for side in ("top", "left", "bottom", "right", "insideH", "insideV"):
        if borders:
            b.append(_el(f"w:{side}", w_val="single", w_sz=4, w_space=0, w_color="000000"))
        else:
            b.append(_el(f"w:{side}", w_val="nil"))
    tblPr.append(b)
    tblPr.append(_el("w:tblLayout", w_type="fixed"))
    mar = _el("w:tblCellMar")
    mar.append(_el("w:left", w_w=CELL_MARGIN, w_type="dxa"))
    mar.append(_el("w:right", w_w=CELL_MARGIN, w_type="dxa"))
    tblPr.append(mar)
    tblPr.append(_el("w:tblLook", w_val="0000", w_firstRow=0, w_lastRow=0, w_firstColumn=0, w_lastColumn=0,
                     w_noHBand=1, w_noVBand=1))
    grid = tbl.tblGrid
    for i, gc in enumerate(grid.findall(qn("w:gridCol"))):
        gc.set(qn("w:w"), str(widths[i]))
    for row in t.rows:
        for i, cell in enumerate(row.cells):
            tcPr = cell._tc.get_or_add_tcPr()
            for e in tcPr.findall(qn("w:tcW")):
                tcPr.remove(e)
            tcPr.insert(0, _el("w:tcW", w_w=widths[i], w_type="dxa"))
    return t


def repeat_header(row) -> None:
    trPr = row._tr.get_or_add_trPr()
    trPr.append(_el("w:tblHeader"))
    trPr.append(_el("w:cantSplit"))


def cant_split(row) -> None:
    row._tr.get_or_add_trPr().append(_el("w:cantSplit"))


def v_align(cell, value: str = "center") -> None:
    tcPr = cell._tc.get_or_add_tcPr()
    tcPr.append(_el("w:vAlign", w_val=value))


# --- building blocks shared by the templates ----------------------------------------------------------------------


def header_block(doc, issuer: str = "ubnd"):
    """Issuing body | national name and motto; number | place and date."""
    t = table(doc, [HEADER_LEFT, HEADER_RIGHT], 2, borders=False)
    left, right = t.rows[0].cells
    if issuer == "ubnd":
        cell_P(left, "ỦY BAN NHÂN DÂN", style="CdsHeader", bold=True)
        P(left, "{{ commune.upper }}", style="CdsHeader", bold=True)
        cell_rule(left, 2.2, HEADER_LEFT)
    else:  # the steering committee, under the commune's People's Committee
        cell_P(left, ("UBND {{ commune.upper }}", {"bold": False}), style="CdsHeader")
        P(left, "BAN CHỈ ĐẠO", style="CdsHeader", bold=True)
        P(left, "CHUYỂN ĐỔI SỐ", style="CdsHeader", bold=True)
        cell_rule(left, 2.2, HEADER_LEFT)
    cell_P(right, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", style="CdsHeader", bold=True)
    P(right, ("Độc lập - Tự do - Hạnh phúc", {"size": 14, "bold": True}), style="CdsHeader")
    cell_rule(right, 6.0, HEADER_RIGHT)
    left, right = t.rows[1].cells
    cell_P(left, "Số: {{ number }}", style="CdsHeader", before=120)
    cell_P(right, ("{{ date_line }}", {"size": 14, "italic": True}), style="CdsHeader", before=120)
    return t


def title_block(doc, doc_type: str, subject: str, rule_cm: float = 4.0):
    P(doc, doc_type, style="CdsDocType")
    P(doc, subject, style="CdsSubject")
    rule(doc, rule_cm, TEXT_WIDTH)


def citations(doc, proposer: bool) -> None:
    tag(doc, "{%p for line in citations %}")
    P(doc, "{{ line }}", style="CdsCitation")
    tag(doc, "{%p endfor %}")
    if proposer:
        tag(doc, "{%p if proposer_line %}")
        P(doc, "{{ proposer_line }}", style="CdsCitation")
        tag(doc, "{%p endif %}")


def article(doc, number: str, text: str):
    return P(doc, (f"Điều {number}.", {"bold": True}), " " + text if text else "", keep_next=True)


def signature_block(doc):
    """Nơi nhận (left, 45 %) | authority and signer (right, 55 %), kept on the page of the body's last paragraph."""
    para_ppr(doc.paragraphs[-1]._p.get_or_add_pPr(), keep_next=True)
    P(doc, "", after=0, keep_next=True)
    t = table(doc, [SIGN_LEFT, SIGN_RIGHT], 1, borders=False)
    cant_split(t.rows[0])
    left, right = t.rows[0].cells
    cell_P(left, "Nơi nhận:", style="CdsRecipientsLabel")
    tag(left, "{%p for line in recipients %}")
    P(left, "{{ line }}", style="CdsRecipients")
    tag(left, "{%p endfor %}")
    first = first_paragraph(right)
    style_para(first, "Normal", align="center", first=0, before=0, after=0, line=240)
    add_run(first, "{%p for line in sign_lines %}")
    P(right, "{{ line }}", style="CdsSignTitle")
    tag(right, "{%p endfor %}")
    for _ in range(5):
        P(right, "", style="CdsSigner")
    P(right, "{{ signer }}", style="CdsSigner")
    return t


def body_list(doc, var: str, item: str = "{{ item }}", loop: str | None = None):
    tag(doc, "{%p for item in " + var + " %}" if loop is None else loop)
    P(doc, item)
    tag(doc, "{%p endfor %}")


def member_table(doc, widths: list[int], heads: list[str], cells: list[str], loop: str,
                 total: list[str] | None = None):
    """A bordered list of people: a bold header row (repeated on each page), then one row per item of ``loop``,
    then an optional bold total row."""
    t = table(doc, widths, 5 if total else 4, borders=True)
    repeat_header(t.rows[0])
    for cell, text in zip(t.rows[0].cells, heads):
        cell_P(cell, text, style="CdsTableHead")
        v_align(cell)
    cell_P(t.rows[1].cells[0], "{%tr for m in " + loop + " %}")
    cant_split(t.rows[2])
    for i, (cell, text) in enumerate(zip(t.rows[2].cells, cells)):
        centred = i == 0 or text.startswith(("{{ m.birth", "{{ m.count"))
        cell_P(cell, text, style="CdsTable", align="center" if centred else "left")
    cell_P(t.rows[3].cells[0], "{%tr endfor %}")
    if total:
        cant_split(t.rows[4])
        for i, (cell, text) in enumerate(zip(t.rows[4].cells, total)):
            cell_P(cell, text, style="CdsTable", align="left" if i == 1 else "center", bold=True)
    return t


def cm(value: float) -> int:
    return int(round(value * CM))


# --- the templates -------------------------------------------------------------------------------------------------


def committee_decision():
    doc = new_document()
    header_block(doc)
    title_block(doc, "QUYẾT ĐỊNH", "Về việc thành lập Ban Chỉ đạo chuyển đổi số {{ commune.full_name }}")
    P(doc, "CHỦ TỊCH ỦY BAN NHÂN DÂN {{ commune.upper }}", style="CdsAuthority")
    citations(doc, proposer=True)
    P(doc, "QUYẾT ĐỊNH:", style="CdsCentered")
    article(doc, "1", "Thành lập Ban Chỉ đạo chuyển đổi số {{ commune.full_name }} gồm các ông (bà) có tên sau:")
    body_list(doc, "members", "{{ m.index }}. {{ m.title }} {{ m.name }}{% if m.post %} – {{ m.post }}{% endif %}"
              " – {{ m.role }}{{ m.end }}", loop="{%p for m in members %}")
    article(doc, "2", "Ban Chỉ đạo chuyển đổi số {{ commune.full_name }} có nhiệm vụ:")
    body_list(doc, "duties", "{{ item.index }}. {{ item.text }}")
    P(doc, "Trưởng ban phân công nhiệm vụ cụ thể cho từng thành viên Ban Chỉ đạo; thành viên Ban Chỉ đạo làm việc "
           "theo chế độ kiêm nhiệm. Ban Chỉ đạo tự giải thể sau khi hoàn thành nhiệm vụ.")
    article(doc, "3", "Quyết định này có hiệu lực kể từ ngày ký.")
    P(doc, "Văn phòng HĐND và UBND {{ commune.kind }}, {{ proposer_office }}, các ban, ngành, đoàn thể có liên quan "
           "và các ông (bà) có tên tại Điều 1 chịu trách nhiệm thi hành Quyết định này./.")
    signature_block(doc)
    return doc


def duties_notice():
    doc = new_document()
    header_block(doc, issuer="committee")
    title_block(doc, "THÔNG BÁO", "Phân công nhiệm vụ thành viên Ban Chỉ đạo chuyển đổi số {{ commune.full_name }}")
    P(doc, "", after=0)
    citations(doc, proposer=False)
    P(doc, "Ban Chỉ đạo chuyển đổi số {{ commune.full_name }} thông báo phân công nhiệm vụ các thành viên như sau:")
    member_table(doc, [cm(1.2), cm(3.4), cm(2.9), cm(2.2), cm(4.5), cm(2.3)],
                 ["STT", "Họ và tên", "Chức vụ", "Vị trí trong Ban Chỉ đạo", "Nhiệm vụ được phân công",
                  "Thôn phụ trách"],
                 ["{{ m.index }}", "{{ m.name }}", "{{ m.post }}", "{{ m.role }}", "{{ m.duties }}",
                  "{{ m.villages }}"], "members")
    P(doc, "", after=0)
    P(doc, "Các thành viên Ban Chỉ đạo chủ động triển khai nhiệm vụ được phân công; thường xuyên theo dõi, hướng dẫn "
           "Tổ công nghệ số cộng đồng ở {{ village_kinds }} được phân công phụ trách; tổng hợp kết quả, báo cáo "
           "Trưởng ban trước ngày 25 hằng tháng.")
    P(doc, "Ban Chỉ đạo chuyển đổi số {{ commune.full_name }} thông báo để các thành viên biết, thực hiện./.")
    signature_block(doc)
    return doc


def team_decision():
    doc = new_document()
    header_block(doc)
    title_block(doc, "QUYẾT ĐỊNH", "Về việc thành lập Tổ công nghệ số cộng đồng {{ village.full_name }}")
    P(doc, "CHỦ TỊCH ỦY BAN NHÂN DÂN {{ commune.upper }}", style="CdsAuthority")
    citations(doc, proposer=True)
    P(doc, "QUYẾT ĐỊNH:", style="CdsCentered")
    article(doc, "1", "Thành lập Tổ công nghệ số cộng đồng {{ village.full_name }}, {{ commune.full_name }} "
                      "gồm {{ n_members }} ông (bà) có tên sau:")
    body_list(doc, "members", "{{ m.index }}. {{ m.title }} {{ m.name }}{% if m.post %} – {{ m.post }}{% endif %}"
              " – {{ m.role }}{{ m.end }}", loop="{%p for m in members %}")
    article(doc, "2", "Tổ công nghệ số cộng đồng {{ village.full_name }} có nhiệm vụ:")
    body_list(doc, "tasks", "{{ item.index }}. {{ item.text }}")
    P(doc, "Tổ công nghệ số cộng đồng chịu sự chỉ đạo, hướng dẫn trực tiếp của Ban Chỉ đạo chuyển đổi số "
           "{{ commune.full_name }}{% if supervisors %}; thành viên Ban Chỉ đạo phụ trách: {{ supervisors }}"
           "{% endif %}. Thành viên Tổ làm việc theo chế độ kiêm nhiệm.")
    article(doc, "3", "Quyết định này có hiệu lực kể từ ngày ký.")
    P(doc, "Văn phòng HĐND và UBND {{ commune.kind }}, {{ proposer_office }}, Trưởng {{ village.full_name }} và "
           "các ông (bà) có tên tại Điều 1 chịu trách nhiệm thi hành Quyết định này./.")
    signature_block(doc)
    return doc


def team_decision_single():
    from docx.enum.section import WD_SECTION
    doc = new_document()
    header_block(doc)
    title_block(doc, "QUYẾT ĐỊNH", "Về việc thành lập Tổ công nghệ số cộng đồng {{ village_kinds_all }} "
                                   "trên địa bàn {{ commune.full_name }}", rule_cm=5.0)
    P(doc, "CHỦ TỊCH ỦY BAN NHÂN DÂN {{ commune.upper }}", style="CdsAuthority")
    citations(doc, proposer=True)
    P(doc, "QUYẾT ĐỊNH:", style="CdsCentered")
    article(doc, "1", "Thành lập {{ n_teams }} Tổ công nghệ số cộng đồng tại {{ n_teams }} {{ village_kinds }} "
                      "trên địa bàn {{ commune.full_name }}, gồm {{ n_members }} thành viên (có danh sách kèm theo).")
    body_list(doc, "teams", "{{ t.index }}. Tổ công nghệ số cộng đồng {{ t.village_full }}: {{ t.n_members }} "
              "thành viên, Tổ trưởng: {{ t.leader }}{{ t.end }}", loop="{%p for t in teams %}")
    article(doc, "2", "Tổ công nghệ số cộng đồng có nhiệm vụ:")
    body_list(doc, "tasks", "{{ item.index }}. {{ item.text }}")
    P(doc, "Các Tổ công nghệ số cộng đồng chịu sự chỉ đạo, hướng dẫn trực tiếp của Ban Chỉ đạo chuyển đổi số "
           "{{ commune.full_name }} và thành viên Ban Chỉ đạo được phân công phụ trách. Thành viên Tổ làm việc theo "
           "chế độ kiêm nhiệm.")
    article(doc, "3", "Quyết định này có hiệu lực kể từ ngày ký.")
    P(doc, "Văn phòng HĐND và UBND {{ commune.kind }}, {{ proposer_office }}, Trưởng {{ village_kinds_all }} và "
           "các ông (bà) có tên tại danh sách kèm theo chịu trách nhiệm thi hành Quyết định này./.")
    signature_block(doc)
    # the appendix: its own section, pages numbered from 1 again
    new = doc.add_section(WD_SECTION.NEW_PAGE)
    set_up_section(new._sectPr, restart=True)
    first_sect = doc.element.body.findall(".//" + qn("w:sectPr"))[0]
    set_up_section(first_sect)
    P(doc, "Phụ lục", style="CdsAppendixLabel")
    P(doc, "DANH SÁCH THÀNH VIÊN TỔ CÔNG NGHỆ SỐ CỘNG ĐỒNG {{ village_kinds_all_upper }}", style="CdsAppendixLabel")
    P(doc, "(Kèm theo Quyết định số {{ number }} {{ date_phrase }} của Chủ tịch Ủy ban nhân dân "
           "{{ commune.full_name }})", style="CdsAppendixNote")
    tag(doc, "{%p for t in teams %}")
    P(doc, "{{ t.index }}. Tổ công nghệ số cộng đồng {{ t.village_full }} ({{ t.n_members }} thành viên)",
      style="CdsHeading", first=0, before=120)
    member_table(doc, [cm(1.2), cm(4.1), cm(1.6), cm(4.6), cm(2.4), cm(2.6)],
                 ["STT", "Họ và tên", "Năm sinh", "Chức vụ", "Vị trí trong Tổ", "Số điện thoại"],
                 ["{{ m.index }}", "{{ m.name }}", "{{ m.birth_year }}", "{{ m.post }}", "{{ m.role }}",
                  "{{ m.phone }}"], "t.members")
    tag(doc, "{%p endfor %}")
    return doc


def plan():
    doc = new_document()
    header_block(doc)
    title_block(doc, "KẾ HOẠCH", "Chuyển đổi số năm {{ year }} trên địa bàn {{ commune.full_name }}")
    P(doc, "", after=0)
    citations(doc, proposer=False)
    P(doc, "Ủy ban nhân dân {{ commune.full_name }} xây dựng Kế hoạch chuyển đổi số năm {{ year }} như sau:")
    P(doc, "I. MỤC ĐÍCH, YÊU CẦU", style="CdsHeading")
    P(doc, "1. Mục đích", style="CdsHeading")
    P(doc, "Nâng cao nhận thức của cán bộ, công chức và Nhân dân về chuyển đổi số; đưa các nền tảng số, dịch vụ số "
           "đến từng hộ gia đình, từng người dân trên địa bàn {{ commune.full_name }}, góp phần xây dựng chính quyền "
           "số, phát triển kinh tế số, xã hội số.")
    P(doc, "Kiện toàn tổ chức chỉ đạo chuyển đổi số từ xã đến {{ village_kinds }}: thành lập Ban Chỉ đạo chuyển đổi "
           "số xã và Tổ công nghệ số cộng đồng ở {{ n_villages }}/{{ n_villages }} {{ village_kinds }}.")
    P(doc, "2. Yêu cầu", style="CdsHeading")
    P(doc, "Triển khai đồng bộ, thống nhất, gắn với nhiệm vụ phát triển kinh tế - xã hội và cải cách hành chính của "
           "địa phương; xác định rõ nhiệm vụ, thời hạn hoàn thành và trách nhiệm của từng cơ quan, đơn vị, cá nhân.")
    P(doc, "Phát huy vai trò của Ủy ban Mặt trận Tổ quốc, các đoàn thể chính trị - xã hội, Trưởng {{ village_kinds }} "
           "và đoàn viên thanh niên trong hướng dẫn, hỗ trợ người dân sử dụng nền tảng số.")
    P(doc, "II. MỤC TIÊU, CHỈ TIÊU", style="CdsHeading")
    P(doc, "1. Mục tiêu chung", style="CdsHeading")
    P(doc, "Phát triển chính quyền số, kinh tế số và xã hội số trên địa bàn {{ commune.full_name }}; người dân được "
           "hướng dẫn, hỗ trợ để sử dụng dịch vụ công trực tuyến, thanh toán điện tử, thương mại điện tử và các nền "
           "tảng số khác.")
    P(doc, "2. Chỉ tiêu cụ thể năm {{ year }}", style="CdsHeading")
    P(doc, "- Duy trì hoạt động thường xuyên của {{ n_teams }} Tổ công nghệ số cộng đồng đã thành lập tại "
           "{{ n_teams }}/{{ n_villages }} {{ village_kinds }} ({{ n_team_members }} thành viên); mỗi thành viên Tổ "
           "hướng dẫn, hỗ trợ các hộ gia đình được phân công;")
    body_list(doc, "targets", "- {{ item.text }}")
    P(doc, "III. NHIỆM VỤ, GIẢI PHÁP", style="CdsHeading")
    tag(doc, "{%p for item in tasks %}")
    P(doc, ("{{ item.index }}. {{ item.head }}", {"bold": True}), "{{ item.body }}")
    tag(doc, "{%p endfor %}")
    P(doc, "IV. KINH PHÍ THỰC HIỆN", style="CdsHeading")
    P(doc, "Kinh phí thực hiện Kế hoạch được bố trí từ nguồn ngân sách xã năm {{ year }}, lồng ghép trong các chương "
           "trình, đề án có liên quan và các nguồn huy động hợp pháp khác theo quy định.")
    P(doc, "V. TỔ CHỨC THỰC HIỆN", style="CdsHeading")
    P(doc, "1. Ban Chỉ đạo chuyển đổi số xã", style="CdsHeading")
    P(doc, "Ban Chỉ đạo chuyển đổi số {{ commune.full_name }} ({{ n_committee }} thành viên, do Chủ tịch Ủy ban nhân "
           "dân xã làm Trưởng ban) chỉ đạo, đôn đốc, kiểm tra việc thực hiện Kế hoạch; phân công thành viên phụ trách "
           "từng {{ village_kind }}, trực tiếp hướng dẫn Tổ công nghệ số cộng đồng; báo cáo Ban Chỉ đạo chuyển đổi "
           "số cấp trên trước ngày 26 hằng tháng.")
    P(doc, "2. Công chức chuyên môn", style="CdsHeading")
    P(doc, "{{ proposer_office_cap }} chủ trì, phối hợp với các công chức chuyên môn tham mưu Ủy ban nhân dân xã "
           "triển khai Kế hoạch; theo dõi, tổng hợp kết quả, báo cáo định kỳ theo quy định. Các công chức chuyên môn "
           "thực hiện chuyển đổi số trong lĩnh vực phụ trách.")
    P(doc, "3. Ủy ban Mặt trận Tổ quốc và các đoàn thể xã", style="CdsHeading")
    P(doc, "Tuyên truyền, vận động đoàn viên, hội viên và Nhân dân tham gia chuyển đổi số; Đoàn Thanh niên xã huy "
           "động đoàn viên tham gia Tổ công nghệ số cộng đồng, hướng dẫn người dân sử dụng nền tảng số.")
    P(doc, "4. Trưởng {{ village_kinds }} và Tổ công nghệ số cộng đồng", style="CdsHeading")
    P(doc, "Trưởng {{ village_kinds }} phối hợp với Tổ công nghệ số cộng đồng triển khai các nhiệm vụ sau:")
    body_list(doc, "team_tasks", "- {{ item.text }}")
    P(doc, "Trên đây là Kế hoạch chuyển đổi số năm {{ year }} của Ủy ban nhân dân {{ commune.full_name }}. Trong quá "
           "trình thực hiện, nếu có khó khăn, vướng mắc, các cơ quan, đơn vị, {{ village_kinds }} kịp thời phản ánh về "
           "Ủy ban nhân dân xã (qua {{ proposer_office }}) để được hướng dẫn, giải quyết./.")
    signature_block(doc)
    return doc


def report():
    doc = new_document()
    header_block(doc)
    title_block(doc, "BÁO CÁO", "Kết quả thành lập Ban Chỉ đạo chuyển đổi số và Tổ công nghệ số cộng đồng "
                                "trên địa bàn {{ commune.full_name }}", rule_cm=5.0)
    P(doc, "Kính gửi: {{ report_to }}.", style="CdsKinhGui")
    citations(doc, proposer=False)
    P(doc, "Ủy ban nhân dân {{ commune.full_name }} báo cáo kết quả thực hiện như sau:")
    P(doc, "I. KẾT QUẢ THỰC HIỆN", style="CdsHeading")
    P(doc, "1. Xây dựng Kế hoạch chuyển đổi số", style="CdsHeading")
    P(doc, "Ủy ban nhân dân xã đã ban hành Kế hoạch số {{ refs.plan.number }} {{ refs.plan.date }} về chuyển đổi số "
           "năm {{ year }} trên địa bàn {{ commune.full_name }}.")
    P(doc, "2. Thành lập Ban Chỉ đạo chuyển đổi số xã", style="CdsHeading")
    P(doc, "Chủ tịch Ủy ban nhân dân xã đã ban hành Quyết định số {{ refs.committee_decision.number }} "
           "{{ refs.committee_decision.date }} về việc thành lập Ban Chỉ đạo chuyển đổi số {{ commune.full_name }}, "
           "gồm {{ n_committee }} thành viên: Trưởng ban là {{ head_text }}; {{ n_deputies }} Phó Trưởng ban và "
           "{{ n_plain_members }} thành viên là lãnh đạo Ủy ban Mặt trận Tổ quốc, các đoàn thể và công chức chuyên "
           "môn.")
    P(doc, "3. Phân công nhiệm vụ thành viên Ban Chỉ đạo", style="CdsHeading")
    P(doc, "Ban Chỉ đạo đã ban hành Thông báo số {{ refs.duties.number }} {{ refs.duties.date }} phân công nhiệm vụ "
           "cho từng thành viên; {{ n_supervised }}/{{ n_villages }} {{ village_kinds }} có thành viên Ban Chỉ đạo "
           "phụ trách, hỗ trợ Tổ công nghệ số cộng đồng.")
    P(doc, "4. Thành lập Tổ công nghệ số cộng đồng", style="CdsHeading")
    P(doc, "{{ teams_sentence }}")
    member_table(doc, [cm(1.2), cm(2.5), cm(3.6), cm(1.5), cm(1.1), cm(1.5), cm(1.7), cm(3.4)],
                 ["STT", "{{ village_column }}", "Quyết định thành lập", "Số thành viên", "Nữ", "Đoàn viên",
                  "35 tuổi trở xuống", "Tổ trưởng"],
                 ["{{ m.index }}", "{{ m.village }}", "{{ m.decision }}", "{{ m.count }}", "{{ m.count_women }}",
                  "{{ m.count_youth }}", "{{ m.count_young }}", "{{ m.leader_name }}"], "teams",
                 total=["", "Tổng cộng", "", "{{ totals.count }}", "{{ totals.count_women }}",
                        "{{ totals.count_youth }}", "{{ totals.count_young }}", ""])
    P(doc, "", after=0)
    P(doc, "5. Số liệu tổng hợp", style="CdsHeading")
    body_list(doc, "figures", "- {{ item.text }}")
    P(doc, "II. ĐÁNH GIÁ CHUNG", style="CdsHeading")
    P(doc, "Việc thành lập Ban Chỉ đạo chuyển đổi số và Tổ công nghệ số cộng đồng được triển khai kịp thời, đúng "
           "thành phần theo hướng dẫn của cấp trên. Thành viên các Tổ là Trưởng {{ village_kinds }}, đoàn viên thanh "
           "niên và những người có kỹ năng sử dụng công nghệ số, nhiệt tình với công việc chung.")
    P(doc, "Khó khăn: một bộ phận người dân, nhất là người cao tuổi, chưa có điện thoại thông minh hoặc chưa quen sử "
           "dụng nền tảng số; thành viên các Tổ làm việc kiêm nhiệm, chưa được tập huấn đầy đủ.")
    P(doc, "III. ĐỀ XUẤT, KIẾN NGHỊ", style="CdsHeading")
    P(doc, "Đề nghị cấp trên tổ chức tập huấn kỹ năng số cho thành viên Ban Chỉ đạo và Tổ công nghệ số cộng đồng; "
           "cung cấp tài liệu hướng dẫn sử dụng các nền tảng số để các Tổ hướng dẫn người dân.")
    P(doc, "Trên đây là báo cáo kết quả thành lập Ban Chỉ đạo chuyển đổi số và Tổ công nghệ số cộng đồng của Ủy ban "
           "nhân dân {{ commune.full_name }} (kèm theo danh sách Tổ công nghệ số cộng đồng)./.")
    signature_block(doc)
    return doc


TEMPLATES = {
    "ke_hoach.docx": plan,
    "qd_ban_chi_dao.docx": committee_decision,
    "tb_phan_cong_nhiem_vu.docx": duties_notice,
    "qd_to_cong_nghe_so.docx": team_decision,
    "qd_to_cong_nghe_so_chung.docx": team_decision_single,
    "bao_cao.docx": report,
}


def build(out_dir: Path = OUT) -> list[Path]:
    out_dir.mkdir(parents=True, exist_ok=True)
    written = []
    for name, make in TEMPLATES.items():
        doc = make()
        path = out_dir / name
        doc.save(str(path))
        written.append(path)
    return written


if __name__ == "__main__":
    for p in build(Path(sys.argv[1]) if len(sys.argv) > 1 else OUT):
        print(f"{p} ({p.stat().st_size} bytes)")
