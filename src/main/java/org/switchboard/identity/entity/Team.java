package org.switchboard.identity.entity;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import org.switchboard.platform.persistence.Checks;

/** A team of agents that routing can assign tickets to; members are held by {@link User}. */
@Entity
@Table(name = "teams")
@NamedQuery(name = "Team.byName", query = "SELECT t FROM Team t WHERE LOWER(t.name) = LOWER(:name)")
public class Team {

    @Id
    @SequenceGenerator(name = "teams_seq", sequenceName = "teams_seq", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "teams_seq")
    private Long id;

    private String name;

    @Version
    private long version;

    protected Team() {
    }

    public Team(String name) {
        rename(name);
    }

    public void rename(String newName) {
        this.name = Checks.requireText(newName, "Team name", 100);
    }

    public Long getId() {
        return id;
    }

    public String getName() {
        return name;
    }
}
