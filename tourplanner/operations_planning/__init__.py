"""Planning the operations around the programme, as pure logic over plain records (no database).

`transfer_groups` groups arriving and departing people into shared pick-ups; `vehicle_sizes`
says which vehicles carry a group. `services/transfers.py` reads the plan into their records.
"""
