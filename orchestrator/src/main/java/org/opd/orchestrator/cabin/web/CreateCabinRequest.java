package org.opd.orchestrator.cabin.web;

import java.util.List;

import org.opd.orchestrator.cabin.NewCabin;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

record CreateCabinRequest(
        @NotBlank @Size(max = 20) String cabinNumber,
        @Min(-10) @Max(200) Integer floorNumber,
        @Size(max = 50) List<@NotBlank @Size(max = 100) String> equipment) {

    NewCabin toNewCabin() {
        return new NewCabin(cabinNumber, floorNumber, equipment);
    }
}
