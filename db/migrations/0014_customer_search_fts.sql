-- 0014: customer search through an index, however many customers the counter holds. Searching
-- customers.search_norm with LIKE '%…%' read every customer (and, from the sell screen, every meter)
-- on each lookup; at a city's worth of customers that is hundreds of milliseconds per keystroke.
--
-- 1. customers_fts: an FTS5 trigram index over the normalised search text (name, Latin name and
--    phone, exactly as 0007 normalises them). Trigrams answer the same question the LIKE did — does
--    the text contain this substring — for queries of 3 characters or more. External content: the
--    text stays in customers.search_norm, the index holds only the trigrams.
CREATE VIRTUAL TABLE customers_fts USING fts5(search_norm, content = 'customers', content_rowid = 'id', tokenize = 'trigram');
INSERT INTO customers_fts (customers_fts) VALUES ('rebuild');

-- 2. 0007's triggers fill search_norm after the row is written; they now also keep the index, in
--    the same trigger so the order is certain: the old text leaves the index before the column is
--    rewritten, the new text enters it after (an external-content index must be told the exact
--    text it holds for a row to remove it).
DROP TRIGGER customers_norm_insert;
DROP TRIGGER customers_norm_update;
CREATE TRIGGER customers_norm_insert AFTER INSERT ON customers
BEGIN
  UPDATE customers SET search_norm = lower(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(COALESCE(NEW.name, '') || ' ' || COALESCE(NEW.name_latin, '') || ' ' || replace(replace(COALESCE(NEW.phone, ''), ' ', ''), '-', ''), char(1571), 'ا'), char(1573), 'ا'), char(1570), 'ا'), char(1649), 'ا'), char(1609), 'ي'), char(1577), 'ه'), char(1600), ''), char(1611), ''), char(1612), ''), char(1613), ''), char(1614), ''), char(1615), ''), char(1616), ''), char(1617), ''), char(1618), ''), char(1619), ''), char(1620), ''), char(1621), ''), char(1622), ''), char(1623), ''), char(1624), ''), char(1625), ''), char(1626), ''), char(1627), ''), char(1628), ''), char(1629), ''), char(1630), ''), char(1631), ''), char(1648), ''), char(1632), '0'), char(1633), '1'), char(1634), '2'), char(1635), '3'), char(1636), '4'), char(1637), '5'), char(1638), '6'), char(1639), '7'), char(1640), '8'), char(1641), '9'), char(1776), '0'), char(1777), '1'), char(1778), '2'), char(1779), '3'), char(1780), '4'), char(1781), '5'), char(1782), '6'), char(1783), '7'), char(1784), '8'), char(1785), '9')) WHERE id = NEW.id;
  INSERT INTO customers_fts (rowid, search_norm) SELECT id, search_norm FROM customers WHERE id = NEW.id;
END;
CREATE TRIGGER customers_norm_update AFTER UPDATE OF name, name_latin, phone ON customers
BEGIN
  INSERT INTO customers_fts (customers_fts, rowid, search_norm) VALUES ('delete', OLD.id, OLD.search_norm);
  UPDATE customers SET search_norm = lower(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(COALESCE(NEW.name, '') || ' ' || COALESCE(NEW.name_latin, '') || ' ' || replace(replace(COALESCE(NEW.phone, ''), ' ', ''), '-', ''), char(1571), 'ا'), char(1573), 'ا'), char(1570), 'ا'), char(1649), 'ا'), char(1609), 'ي'), char(1577), 'ه'), char(1600), ''), char(1611), ''), char(1612), ''), char(1613), ''), char(1614), ''), char(1615), ''), char(1616), ''), char(1617), ''), char(1618), ''), char(1619), ''), char(1620), ''), char(1621), ''), char(1622), ''), char(1623), ''), char(1624), ''), char(1625), ''), char(1626), ''), char(1627), ''), char(1628), ''), char(1629), ''), char(1630), ''), char(1631), ''), char(1648), ''), char(1632), '0'), char(1633), '1'), char(1634), '2'), char(1635), '3'), char(1636), '4'), char(1637), '5'), char(1638), '6'), char(1639), '7'), char(1640), '8'), char(1641), '9'), char(1776), '0'), char(1777), '1'), char(1778), '2'), char(1779), '3'), char(1780), '4'), char(1781), '5'), char(1782), '6'), char(1783), '7'), char(1784), '8'), char(1785), '9')) WHERE id = NEW.id;
  INSERT INTO customers_fts (rowid, search_norm) SELECT id, search_norm FROM customers WHERE id = NEW.id;
END;
CREATE TRIGGER customers_fts_delete AFTER DELETE ON customers
BEGIN
  INSERT INTO customers_fts (customers_fts, rowid, search_norm) VALUES ('delete', OLD.id, OLD.search_norm);
END;

-- 3. Queries of 1 or 2 characters have no trigram: they match by prefix, each through an index —
--    the normalised name (search_norm starts with it), the Latin name (lower() is the same ASCII
--    folding the search text uses), and the phone as stored (customers_phone, from 0007). Only the
--    first two characters are indexed: all a short query needs, and a small index keeps adding
--    customers fast (indexing the whole text made a bulk insert of 200,000 about 1.7x slower again).
CREATE INDEX customers_search_prefix ON customers(substr(search_norm, 1, 2));
CREATE INDEX customers_latin_prefix ON customers(substr(lower(name_latin), 1, 2));
