"""Planning the operations around the programme, as pure logic over plain records (no database).

`arrivals` says which flights and trains are arrivals to meet and departures to take (the
transfers export and the checks both read it); `transfer_groups` groups arriving and departing
people into shared pick-ups; `vehicle_sizes` says which vehicles carry a group; `shared_rooms`
says which hotel stays share a room (the rooming list, and the room a dropped guest joins).
`services/transfers.py` and `services/rooming.py` read the plan into their records.
"""
