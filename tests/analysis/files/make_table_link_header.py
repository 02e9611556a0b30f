"""Source of tests/analysis/files/table_link_header.doc (python-docx, then LibreOffice → Word 97)."""

import sys

import docx
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.oxml import OxmlElement
from docx.oxml.ns import qn

d = docx.Document()
d.sections[0].header.paragraphs[0].text = "Jane Doe — jane@example.com — +1 555 123 4567"
d.add_paragraph("Jane Doe")
d.add_paragraph("Senior Software Engineer. Café, naïve — “quotes”.")
p = d.add_paragraph("Portfolio: ")
r_id = d.part.relate_to("https://janedoe.example.com/work", RT.HYPERLINK, is_external=True)
link = OxmlElement("w:hyperlink")
link.set(qn("r:id"), r_id)
run = OxmlElement("w:r")
text = OxmlElement("w:t")
text.text = "janedoe.example.com"
run.append(text)
link.append(run)
p._p.append(link)
d.add_paragraph("Experience")
d.add_paragraph("Acme Corp — Software Engineer — 2019-01 to Present")
t = d.add_table(rows=2, cols=2)
t.cell(0, 0).text, t.cell(0, 1).text = "Python", "Go"
t.cell(1, 0).text, t.cell(1, 1).text = "PostgreSQL", "Docker"
d.add_paragraph("Education")
d.add_paragraph("BS Computer Science, MIT, 2015")
d.save(sys.argv[1])
