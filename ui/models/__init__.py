"""Qt item models adapting the results of ``mentordesk`` services."""
