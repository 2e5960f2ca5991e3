package dev.runnel.api.types;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class EitherTest {

    @Test
    void leftHoldsTheLeftValueAndRefusesRight() {
        Either<String, Integer> left = Either.Left("late");
        assertThat(left.isLeft()).isTrue();
        assertThat(left.isRight()).isFalse();
        assertThat(left.left()).isEqualTo("late");
        assertThat(left).hasToString("Left(late)").isEqualTo(Either.Left("late")).isNotEqualTo(Either.Right("late"));
        assertThatThrownBy(left::right).isInstanceOf(IllegalStateException.class)
            .hasMessage("Cannot retrieve Right value on a Left");
    }

    @Test
    void rightHoldsTheRightValueAndRefusesLeft() {
        Either<String, Integer> right = Either.Right(7);
        assertThat(right.isRight()).isTrue();
        assertThat(right.right()).isEqualTo(7);
        assertThat(right).hasToString("Right(7)").isEqualTo(Either.Right.of(7)).hasSameHashCodeAs(Either.Right(7));
        assertThatThrownBy(right::left).isInstanceOf(IllegalStateException.class)
            .hasMessage("Cannot retrieve Left value on a Right");
    }
}
