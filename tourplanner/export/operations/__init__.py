"""The operations documents a coordinator hands to hotels, drivers, caterers, hosts and the
registration desk.

- `rooming.py`, `manifest.py`, `catering.py`: the rooming list, the bus manifest and the
  caterer's sheet (PDF and XLSX);
- `transfers.py`: arrival and departure transfers (XLSX for the transport company, PDF for the
  driver and the greeter), from `services.transfers`;
- `badges.py`: name badges on label sheets (A4 or Letter), with a vCard QR code
  (`export/qr_code.py`);
- `name_cards.py`: folded table tents (席卡) for the people booked on an item;
- `names.py`: a person's name in both scripts, in the order each script writes it;
- `drawing.py`: text on a canvas in the bundled Latin and CJK fonts, shrunk to fit its box.
"""
