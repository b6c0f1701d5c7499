package org.switchboard.identity.entity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.EnumSet;
import java.util.Set;

import org.junit.jupiter.api.Test;

class UserTest {

    private User agent() {
        return new User(" Maria ", "Maria Virtanen", " Maria@Example.COM ", EnumSet.of(Role.AGENT));
    }

    @Test
    void namesAndEmailsAreNormalized() {
        User maria = agent();
        assertEquals("maria", maria.getUsername());
        assertEquals("maria@example.com", maria.getEmail());
        assertEquals(Availability.AVAILABLE, maria.getAvailability());
        assertFalse(maria.hasPaidSeat(), "a seat is granted explicitly");
    }

    @Test
    void aUserNeedsARoleAValidNameAndEmail() {
        assertThrows(IllegalArgumentException.class, () -> new User("maria", "Maria", null, Set.of()));
        assertThrows(IllegalArgumentException.class, () -> new User("bad name!", "Maria", null, EnumSet.of(Role.AGENT)));
        assertThrows(IllegalArgumentException.class, () -> new User("maria", "Maria", "not-an-email", EnumSet.of(Role.AGENT)));
    }

    @Test
    void capacityIsZeroOrMoreOrUnlimited() {
        User maria = agent();
        maria.limitCapacity(5);
        assertEquals(5, maria.getCapacity());
        maria.limitCapacity(null);
        assertEquals(null, maria.getCapacity());
        assertThrows(IllegalArgumentException.class, () -> maria.limitCapacity(-1));
    }

    @Test
    void rolesMapToLowerCaseSecurityGroups() {
        User maria = agent();
        maria.changeRoles(EnumSet.of(Role.ADMIN, Role.OPERATOR));
        assertTrue(maria.hasRole(Role.ADMIN));
        assertFalse(maria.hasRole(Role.AGENT));
        assertEquals("operator", Role.OPERATOR.groupName());
    }

    @Test
    void skillsAndTeamsAreSets() {
        User maria = agent();
        Skill finnish = new Skill("Finnish");
        maria.addSkill(finnish);
        maria.addSkill(finnish);
        assertEquals(1, maria.getSkills().size());
        assertThrows(UnsupportedOperationException.class, () -> maria.getSkills().clear());
    }
}
