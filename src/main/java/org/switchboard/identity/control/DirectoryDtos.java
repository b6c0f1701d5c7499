package org.switchboard.identity.control;

import java.time.Instant;
import java.util.Set;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.switchboard.identity.entity.Availability;
import org.switchboard.identity.entity.Role;
import org.switchboard.platform.validation.OneLine;

/** Shapes of the users, teams and skills API. */
public final class DirectoryDtos {

    private DirectoryDtos() {
    }

    public record UserRequest(@NotBlank @Size(max = 100) @OneLine String username, @NotBlank @Size(max = 200) @OneLine String fullName,
                              @Size(max = 320) String email, @NotNull @Size(min = 1) Set<Role> roles, Boolean paidSeat,
                              Availability availability, @Min(0) Integer capacity, Set<Long> skillIds, Set<Long> teamIds,
                              @Size(min = 8, max = 200) String password, @Size(max = 35) String language, Boolean active,
                              Long version, @Size(max = 200) @OneLine String callingAddress) {
        @Override
        public String toString() {
            return "UserRequest[" + username + ", password=***]";
        }
    }

    public record UserView(long id, String username, String fullName, String email, Set<Role> roles, boolean paidSeat,
                           Availability availability, Integer capacity, Set<Long> skillIds, Set<Long> teamIds,
                           String language, boolean active, long version, Instant createdAt, String callingAddress) {
    }

    public record AvailabilityRequest(@NotNull Availability availability) {
    }

    public record NameRequest(@NotBlank @Size(max = 100) @OneLine String name) {
    }

    public record NamedView(long id, String name) {
    }
}
