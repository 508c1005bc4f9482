"""Planning the operations around the programme, as pure logic over plain records (no database).

`arrivals` says which flights and trains are arrivals to meet and departures to take (the
transfers export and the checks both read it); `transfer_groups` groups arriving and departing
people into shared pick-ups; `vehicle_sizes` says which vehicles carry a group. `services/transfers.py` reads the plan into their records.
"""
